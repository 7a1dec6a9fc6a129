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

/** Every value above, as typed and as the server stores phone numbers. */
export const PATIENT_VALUES: string[] = [
  ...Object.values(ANA),
  ...Object.values(BEN),
  ...Object.values(GRACE),
  KEPT_MESSAGE,
  NOTE,
];
