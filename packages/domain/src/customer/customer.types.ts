/** A customer as they see themselves in the mini-program. Phone is shown masked. */
export interface CustomerProfile {
  id: number;
  nickname: string | null;
  /** e.g. 138****5678, or null until the customer shares their number. */
  phoneMasked: string | null;
  hasPhone: boolean;
}
