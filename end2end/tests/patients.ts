/**
 * What the specs type as patients and about patients. They type these
 * constants, never a literal, so that after the run `global-teardown.ts`
 * can check that none of them reached the server's log.
 */
export const ANA = { name: "Ana Lima", phone: "(732) 555-0142", phoneDigits: "7325550142", message: "Lower back pain." };
export const BEN = { name: "Ben Ortiz", phone: "732 555 0199", phoneDigits: "7325550199" };
export const GRACE = { name: "Grace Patient", phone: "(732) 555-0177", phoneDigits: "7325550177" };
export const KEPT_MESSAGE = "Kept </textarea> as typed.";
export const NOTE = "Called, booked for Tuesday.";
/** Who books a time first, in another tab. */
export const ERIN = { name: "Erin Quick", phone: "7325550100", email: "erin.quick@example.org" };
/** Who books online (they need an e-mail address for the confirmation). */
export const DORA = { name: "Dora Booker", phone: "(732) 555-0161", phoneDigits: "7325550161", email: "dora.booker@example.org", message: "Stiff neck after the move." };

/** A caller the front desk books on the phone; a patient who asks online for a time the desk confirms. */
export const ROSA = { name: "Rosa Díaz", phone: "(732) 555-0188", phoneDigits: "7325550188" };
export const OLGA = { name: "Olga Asks", phone: "(732) 555-0166", phoneDigits: "7325550166", email: "olga.asks@example.org" };

/** Every value above, as typed and as the server stores phone numbers. */
export const PATIENT_VALUES: string[] = [
  ...Object.values(ANA),
  ...Object.values(BEN),
  ...Object.values(GRACE),
  ...Object.values(DORA),
  ...Object.values(ERIN),
  ...Object.values(ROSA),
  ...Object.values(OLGA),
  KEPT_MESSAGE,
  NOTE,
];
