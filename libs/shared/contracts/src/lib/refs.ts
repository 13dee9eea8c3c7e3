/** A short reference to a user, as lists and timelines show it. */
export interface UserRef {
  id: string;
  displayName: string;
}

/** A calendar date without time, `YYYY-MM-DD`, in the organisation's time zone. */
export type IsoDate = string;
