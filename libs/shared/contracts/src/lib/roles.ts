/** Roles a user can have. Screens call them beheerder, regievoerder, begeleider and ketenpartner. */
export const USER_ROLES = ['admin', 'coordinator', 'caseworker', 'partner'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Staff roles: every role that works inside the organisation (not a partner). */
export const STAFF_ROLES: readonly UserRole[] = ['admin', 'coordinator', 'caseworker'];

export const PARTNER_KINDS = ['housing_corporation', 'police', 'debt_help', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
