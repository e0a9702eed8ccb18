/** The message to show for anything a call or a handler threw (an ApiError is an Error with the service's message). */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
