use super::{Phone, ServiceSummary};
use serde::{Deserialize, Serialize};

/// The clinic's facts, shown in the header, footer and contact blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClinicInfo {
    pub name: String,
    pub tagline: String,
    /// One sentence on what kind of practice this is.
    pub description: String,
    pub about: String,
    pub area_served: String,
    pub phone: Phone,
    pub email: String,
    /// Street address, if the clinic chose to publish it.
    pub address: Option<String>,
    /// Opening hours, a line each ("Mon–Fri 9 am – 6 pm").
    pub hours: Vec<String>,
    pub social: Vec<SocialLink>,
    /// Medical specialties as schema.org names them ("Physiotherapy").
    #[serde(default)]
    pub specialties: Vec<String>,
    /// Not a fact staff edit: the site's public address (`PUBLIC_URL`), for
    /// canonical links and structured data.
    #[serde(default)]
    pub base_url: String,
    /// Not stored with the facts: the services, for structured data.
    #[serde(default)]
    pub services: Vec<ServiceSummary>,
    /// Not stored with the facts: the header's and footer's words in the
    /// page's language (the page carries only its own language's).
    #[serde(default)]
    pub text: super::locale::ShellText,
}

impl ClinicInfo {
    pub fn mailto_href(&self) -> String {
        format!("mailto:{}", self.email)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SocialLink {
    /// The network's name, shown as the link text: "Facebook".
    pub label: String,
    pub url: String,
}
