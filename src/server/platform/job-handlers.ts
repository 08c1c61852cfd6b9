import { demandJobHandlers } from '../demands/demand-jobs.js';
import { bulletinJobHandlers } from '../bulletins/bulletin-jobs.js';
import { cultivationRunJobHandlers } from '../cultivation/cultivation-run-job.js';
import { cultivationReminderJobHandlers } from '../cultivation/cultivation-reminders.job.js';
import type { JobHandlers } from './jobs.js';

/** Every kind of background job the platform runs, by area. */
export const JOB_HANDLERS: JobHandlers = { ...demandJobHandlers, ...bulletinJobHandlers, ...cultivationRunJobHandlers, ...cultivationReminderJobHandlers };
