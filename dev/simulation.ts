/**
 * The failure switch both local platform stand-ins offer to tests and benches: the next N
 * API requests answer "throttled" (Shopify's THROTTLED / WooCommerce's 429) or a server error.
 */
export interface SimulationState<Status extends number = number> {
  throttleNext: number;
  serverErrorNext: number;
  serverErrorStatus: Status;
}

export interface SimulationControls<Status extends number = number> {
  throttleNext(n: number): void;
  serverErrorNext(n: number, status?: Status): void;
  reset(): void;
}

export function idleSimulation<Status extends number>(serverErrorStatus: Status): SimulationState<Status> {
  return { throttleNext: 0, serverErrorNext: 0, serverErrorStatus };
}

export function simulationControls<Status extends number>(state: SimulationState<Status>, defaultStatus: Status): SimulationControls<Status> {
  return {
    throttleNext: (n) => {
      state.throttleNext += n;
    },
    serverErrorNext: (n, status = defaultStatus) => {
      state.serverErrorNext += n;
      state.serverErrorStatus = status;
    },
    reset: () => {
      state.throttleNext = 0;
      state.serverErrorNext = 0;
    },
  };
}
