//! The admin's routes, in one wasm module (`staff_pages`) fetched when a
//! staff member first opens the admin: a patient never downloads it, and
//! after the first admin page every other opens without a fetch.

use super::{
    AdminAccounts, AdminAppointmentTypes, AdminArticleEditor, AdminArticles, AdminAudit,
    AdminCategories, AdminClinic, AdminHome, AdminLayout, AdminPractitioners, AdminRedirects,
    AdminRequest, AdminRequests, AdminSchedule, AdminServiceEditor, AdminServices, AdminSignIn,
    AdminTwoFactor,
};
use crate::components::Hydrated;
use crate::pages::split_routes::split_routes;

split_routes! { staff_pages:
    // The admin's frame around every staff page; the page inside it marks
    // the document as hydrated.
    AdminLayoutRoute => layout_view, load_layout { <AdminLayout/> },
    AdminSignInRoute => sign_in_view, load_sign_in { <AdminSignIn/> <Hydrated/> },
    AdminHomeRoute => home_view, load_home { <AdminHome/> <Hydrated/> },
    AdminRequestsRoute => requests_view, load_requests { <AdminRequests/> <Hydrated/> },
    AdminRequestRoute => request_view, load_request { <AdminRequest/> <Hydrated/> },
    AdminScheduleRoute => schedule_view, load_schedule { <AdminSchedule/> <Hydrated/> },
    AdminPractitionersRoute => practitioners_view, load_practitioners { <AdminPractitioners/> <Hydrated/> },
    AdminAppointmentTypesRoute => appointment_types_view, load_appointment_types { <AdminAppointmentTypes/> <Hydrated/> },
    AdminAccountsRoute => accounts_view, load_accounts { <AdminAccounts/> <Hydrated/> },
    AdminAuditRoute => audit_view, load_audit { <AdminAudit/> <Hydrated/> },
    AdminArticlesRoute => articles_view, load_articles { <AdminArticles/> <Hydrated/> },
    AdminArticleEditorRoute => article_editor_view, load_article_editor { <AdminArticleEditor/> <Hydrated/> },
    AdminServicesRoute => services_view, load_services { <AdminServices/> <Hydrated/> },
    AdminServiceEditorRoute => service_editor_view, load_service_editor { <AdminServiceEditor/> <Hydrated/> },
    AdminRedirectsRoute => redirects_view, load_redirects { <AdminRedirects/> <Hydrated/> },
    AdminCategoriesRoute => categories_view, load_categories { <AdminCategories/> <Hydrated/> },
    AdminClinicRoute => clinic_view, load_clinic { <AdminClinic/> <Hydrated/> },
    AdminTwoFactorRoute => two_factor_view, load_two_factor { <AdminTwoFactor/> <Hydrated/> },
}
