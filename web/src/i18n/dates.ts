// The web's day arithmetic is the domain's calendar (src/domain/calendar.ts), shared with the server.
export { addDays, addMonths, danishToday, daysBetween } from '../../../src/domain/calendar.js';
