import {
  RecordResponse,
  RecordsResponse,
  type ApplyTemplateBody,
  type PutNoteBody,
  type PutPrivateNoteBody,
  type SkipMeetingBody,
  type StartMeetingBody,
  type UpdateCadenceBody,
} from '../../../domain/api.js';
import { request, type HttpOptions } from '../api/http.js';

/** The REST calls for deleting and restoring topics, notes and the meeting's lifecycle (see domain/api.ts). */
export function createMeetingApi(http: HttpOptions, seriesId: string) {
  const base = `/api/series/${encodeURIComponent(seriesId)}`;
  const id = (value: string) => encodeURIComponent(value);
  return {
    deleteTopic: (topicId: string) => request(http, 'DELETE', `${base}/topics/${id(topicId)}`, RecordResponse),
    restoreTopic: (topicId: string) => request(http, 'POST', `${base}/topics/${id(topicId)}/restore`, RecordResponse),
    deleteActionItem: (itemId: string) => request(http, 'DELETE', `${base}/action-items/${id(itemId)}`, RecordResponse),
    restoreActionItem: (itemId: string) =>
      request(http, 'POST', `${base}/action-items/${id(itemId)}/restore`, RecordResponse),
    putSharedNote: (topicId: string, body: PutNoteBody) =>
      request(http, 'PUT', `${base}/topics/${id(topicId)}/notes/mine`, RecordResponse, body),
    putPrivateNote: (meetingId: string, body: PutPrivateNoteBody) =>
      request(http, 'PUT', `${base}/meetings/${id(meetingId)}/private-note`, RecordResponse, body),
    // Start, end and skip name their meeting: a resend (outbox after a restart, a lost answer)
    // answers that meeting's stored result instead of acting on whatever is current by then.
    startMeeting: (meetingId: string, body?: StartMeetingBody) =>
      request(http, 'POST', `${base}/meetings/${id(meetingId)}/start`, RecordResponse, body),
    endMeeting: (meetingId: string) => request(http, 'POST', `${base}/meetings/${id(meetingId)}/end`, RecordsResponse),
    skipMeeting: (meetingId: string, body: SkipMeetingBody) =>
      request(http, 'POST', `${base}/meetings/${id(meetingId)}/skip`, RecordsResponse, body),
    applyTemplate: (body: ApplyTemplateBody) =>
      request(http, 'POST', `${base}/meetings/current/template`, RecordsResponse, body),
    updateCadence: (body: UpdateCadenceBody) => request(http, 'PUT', `${base}/cadence`, RecordsResponse, body),
  };
}

export type MeetingApi = ReturnType<typeof createMeetingApi>;
