/** The message to show for anything a call or a handler threw. */
import { ApiError } from '../api/client.js';

export const errorMessage = (error: unknown): string => (error instanceof ApiError || error instanceof Error ? error.message : String(error));
