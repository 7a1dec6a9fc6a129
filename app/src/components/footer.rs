use super::use_clinic;
use crate::routes;
use leptos::prelude::*;

/// About the clinic, how to reach it, where to follow it, and every page.
#[component]
pub fn Footer() -> impl IntoView {
    let clinic = use_clinic();
    view! {
        <footer class="site-footer">
            <div class="wrap footer-grid">
                <Suspense>
                    {move || Suspend::new(async move {
                        clinic.await.ok().map(|c| {
                            let has_social = !c.social.is_empty();
                            view! {
                                <section aria-labelledby="footer-about">
                                    <h2 id="footer-about">"About " {c.name.clone()}</h2>
                                    <p>{c.description.clone()}</p>
                                    <p>{c.about.clone()}</p>
                                    <p class="tagline">{c.tagline.clone()}</p>
                                </section>
                                <section aria-labelledby="footer-contact">
                                    <h2 id="footer-contact">"Contact"</h2>
                                    <p><a href=c.phone.tel_href()>{c.phone.to_string()}</a></p>
                                    <p><a href=c.mailto_href()>{c.email.clone()}</a></p>
                                    <p>"Serving " {c.area_served.clone()}</p>
                                    {has_social.then(|| view! {
                                        <h3>"Follow Us"</h3>
                                        <ul class="social-links">
                                            {c.social.iter().map(|s| view! {
                                                <li><a href=s.url.clone() rel="me noopener">{s.label.clone()}</a></li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                </section>
                            }
                        })
                    })}
                </Suspense>
                <nav aria-label="Footer">
                    <h2>"Pages"</h2>
                    <ul>
                        <li><a href=routes::HOME>"Home"</a></li>
                        <li><a href=routes::SERVICES>"Services"</a></li>
                        <li><a href=routes::ARTICLES>"Articles"</a></li>
                        <li><a href=routes::ABOUT>"About"</a></li>
                        <li><a href=routes::CONTACT>"Contact"</a></li>
                        <li><a href=routes::PRIVACY>"Privacy"</a></li>
                    </ul>
                </nav>
            </div>
        </footer>
    }
}
