/**
 * Socket.IO room names. Ids may contain ":" (Teams chat ids do), so each id
 * is percent-encoded (encodeURIComponent encodes ":") before it is joined
 * with ":": no id, however crafted, can make one room's name equal another's.
 */
const part = (id: string) => encodeURIComponent(id);

/** Everyone viewing a series. */
export const seriesRoom = (seriesId: string) => `series:${part(seriesId)}`;

/** Each member's own connections to a series: where their private notes go. */
export const memberRoom = (seriesId: string, userId: string) => `member:${part(seriesId)}:${part(userId)}`;
