export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
/** The highest `?page` a list accepts (beyond it the offset would overflow the database's integers). */
export const MAX_PAGE = 1_000_000;

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
