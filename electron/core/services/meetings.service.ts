import type { ServiceContext } from './context';
import { createMeetingAgendaService } from './meetings-agenda.service';
import { createMeetingMinutesService } from './meetings-minutes.service';
import { createMeetingSchedulingService } from './meetings-scheduling.service';

/** The meetings area, split along its seams: scheduling, agenda, minutes (each in its own file). */
export function createMeetingsService(ctx: ServiceContext) {
  return { ...createMeetingSchedulingService(ctx), ...createMeetingAgendaService(ctx), ...createMeetingMinutesService(ctx) };
}
export type MeetingsService = ReturnType<typeof createMeetingsService>;
