/**
 * Sharing the thread while a long staff list is costed. The task pane runs in Office's shared
 * runtime on the user interface thread: custom functions, Office's own messages and the pane's
 * painting all wait while JavaScript runs, and desktop Office may restart an add-in that holds the
 * thread for more than about 5 s. The board pack is built in small pure steps
 * (buildBoardPackSteps); between them the pane hands the thread back here, every few tens of
 * milliseconds. The timing lives here, in the pane: src/report and src/engine never read a clock.
 */

/**
 * Resolves on a later turn of the event loop: a MessageChannel message, a task of its own, so the
 * browser can paint and Office can run in between. Unlike setTimeout it is not clamped to 4 ms
 * when nested, nor throttled to once a second when the pane is hidden (the shared runtime keeps
 * running with the pane closed).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface SliceOptions {
  /** Work this long between turns, in milliseconds (default 40: a responsive pane, little overhead). */
  sliceMs?: number;
  /** The clock (default performance.now). */
  now?: () => number;
  /** How to hand the thread back (default nextTurn). */
  turn?: () => Promise<void>;
}

/**
 * A `yieldToUi` for buildBoardPackAsync: lets the work run on for `sliceMs`, then shows the step
 * (`show`) and hands the thread back for a turn. A new stage is shown and given a turn at once, so
 * its text is on screen before its work starts.
 */
export function timeSliced<S extends { stage: string }>(show: (step: S) => void, options: SliceOptions = {}): (step: S) => Promise<void> | undefined {
  const sliceMs = options.sliceMs ?? 40;
  const now = options.now ?? (() => performance.now());
  const turn = options.turn ?? nextTurn;
  let sliceStart = now();
  let stage: string | null = null;
  return (step) => {
    if (step.stage === stage && now() - sliceStart < sliceMs) return undefined;
    stage = step.stage;
    show(step);
    return turn().then(() => {
      sliceStart = now();
    });
  };
}

/**
 * People costed between two steps when the pane drives the build: small, so that one step (which
 * cannot be cut) stays a few milliseconds even while the engine is still warming up; `timeSliced`
 * runs steps on until its slice is used, so small steps cost nothing but a progress object each.
 */
export const PANE_PEOPLE_PER_STEP = 10;
