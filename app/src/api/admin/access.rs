//! What each admin server function needs of its caller, by endpoint, so
//! that the router refuses a stranger or a wrong role before reading (or
//! decoding) a body. Each function still extracts `Staff<P>` itself; the
//! role-matrix test sends every function a valid and a malformed body as
//! every role, which holds this table and the functions together.

use crate::server::auth::Need;

/// Who may reach an admin endpoint's body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Signing in and out, and "who am I" (which answers "nobody").
    Open,
    Needs(Need),
}

/// The access of the admin endpoint named `endpoint` (`inbox` for
/// `/api/admin/inbox`).
pub fn of(endpoint: &str) -> Access {
    match endpoint {
        "sign_in" | "sign_in_code" | "sign_out" | "me" => Access::Open,
        "inbox" | "request" | "request_status" | "request_note" | "schedule"
        | "appointment_status" | "desk_book" | "desk_move" => Access::Needs(Need::HandlesRequests),
        "accounts"
        | "create_account"
        | "disable_account"
        | "two_factor_reset"
        | "audit"
        | "practitioners"
        | "save_practitioner"
        | "add_time_off"
        | "remove_time_off"
        | "booking_rules"
        | "change_day"
        | "restore_day"
        | "appointment_types"
        | "save_appointment_type" => Access::Needs(Need::Administers),
        "articles"
        | "article"
        | "save_article"
        | "preview"
        | "article_state"
        | "delete_article"
        | "article_revision"
        | "services"
        | "service"
        | "save_service"
        | "save_service_translation"
        | "save_article_translation"
        | "clinic"
        | "categories"
        | "save_category_name"
        | "save_clinic"
        | "save_clinic_translation"
        | "redirects"
        | "add_redirect"
        | "delete_redirect"
        | "media" => Access::Needs(Need::EditsContent),
        // The enrolment, and names that are no function (a 404 follows):
        // a signed-in member, who may still have to enrol.
        _ => Access::Needs(Need::Enrolling),
    }
}
