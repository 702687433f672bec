/* The task pane: a placeholder until the UI is built. */

Office.onReady(() => {
  const app = document.getElementById("app");
  if (app) app.textContent = "Care Trust Calculator ready";
});
