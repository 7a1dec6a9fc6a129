//! Staff accounts: roles and what each may do, and the password rule.

use serde::{Deserialize, Serialize};

/// What a staff member may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Everything, including accounts, the audit log and exports.
    Admin,
    /// Articles and services.
    Editor,
    /// Consultation requests.
    FrontDesk,
}

impl Role {
    pub const ALL: [Self; 3] = [Self::Admin, Self::Editor, Self::FrontDesk];

    pub fn value(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Editor => "editor",
            Self::FrontDesk => "front_desk",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Admin => "Administrator",
            Self::Editor => "Editor",
            Self::FrontDesk => "Front desk",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.value() == raw)
    }

    /// Consultation requests: front desk and administrators.
    pub fn handles_requests(self) -> bool {
        matches!(self, Self::Admin | Self::FrontDesk)
    }

    /// Articles and services: editors and administrators.
    pub fn edits_content(self) -> bool {
        matches!(self, Self::Admin | Self::Editor)
    }

    pub fn is_admin(self) -> bool {
        self == Self::Admin
    }
}

/// The signed-in staff member, as pages see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// Signs in with a second factor (an authenticator app's code).
    pub two_factor: bool,
}

impl StaffMember {
    /// A role that reads patients' requests must sign in with a second
    /// factor; until this member has one, they may only set it up.
    pub fn must_enrol(&self) -> bool {
        self.role.handles_requests() && !self.two_factor
    }
}

/// How far a sign-in got.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignInStep {
    /// Signed in.
    Done(StaffMember),
    /// The password was right; the authenticator code comes next.
    CodeNeeded,
}

/// What a member sees while setting up their second factor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The secret in base32, for typing into an app by hand.
    pub secret: String,
    /// The `otpauth://` address the QR code holds.
    pub uri: String,
    /// The QR code, an SVG drawn on the server.
    pub qr_svg: String,
}

/// One-time recovery codes per enrolment.
pub const RECOVERY_CODES: usize = 10;

/// One line of the audit log, as administrators read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub staff: Option<String>,
    pub action: String,
    pub subject: Option<String>,
}

/// A staff account, as administrators manage it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub member: StaffMember,
    pub disabled: bool,
}

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;

/// Checks a new password's length (in characters, so any script counts fairly).
pub fn check_new_password(password: &str) -> Result<(), String> {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        Err(format!(
            "Use at least {PASSWORD_MIN} characters; a few unrelated words work well."
        ))
    } else if length > PASSWORD_MAX {
        Err(format!("Use at most {PASSWORD_MAX} characters."))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_grant_their_areas_only() {
        assert!(Role::FrontDesk.handles_requests() && !Role::FrontDesk.edits_content());
        assert!(Role::Editor.edits_content() && !Role::Editor.handles_requests());
        assert!(
            Role::Admin.handles_requests() && Role::Admin.edits_content() && Role::Admin.is_admin()
        );
        for role in Role::ALL {
            assert_eq!(Role::parse(role.value()), Some(role));
        }
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn passwords_need_twelve_characters_and_may_be_long() {
        assert!(check_new_password("short").is_err());
        assert!(check_new_password("correct horse").is_ok());
        assert!(check_new_password(&"x".repeat(64)).is_ok());
        assert!(check_new_password(&"x".repeat(PASSWORD_MAX + 1)).is_err());
        assert!(
            check_new_password("ééééééééééé").is_err(),
            "11 characters, 22 bytes"
        );
    }
}
