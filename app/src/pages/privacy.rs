use crate::components::PageMeta;
use crate::routes;
use leptos::prelude::*;

const DESCRIPTION: &str = "What this website collects about you, and what it does not: no tracking, no advertising, no third parties.";

/// What this site collects, stated plainly. Keep it true when features change.
#[component]
pub fn Privacy() -> impl IntoView {
    view! {
        <PageMeta
            title=Some("Privacy".to_owned())
            description=DESCRIPTION
            seo=crate::domain::seo::PageSeo::page("Privacy", DESCRIPTION, crate::routes::PRIVACY)
        />
        <div class="wrap section narrow prose">
            <h1>"Privacy"</h1>
            <p class="lead">"Reading this website tells no one but us that you visited, and we keep as little as we can."</p>
            <h2>"What the site collects when you read it"</h2>
            <ul>
                <li>"No cookies are set on your device while you read our pages."</li>
                <li>"No analytics, advertising or tracking scripts, and no social-media widgets."</li>
                <li>"Every page, font and script comes from this website: your browser contacts no other company while you read it."</li>
                <li>
                    "Like every web server, ours writes a short technical log of requests (the address of the page, the time, and whether it worked) "
                    "so we can keep the site running and safe. It does not record your name or anything you write to us."
                </li>
            </ul>
            <h2>"When you request a consultation"</h2>
            <p>
                "The consultation form asks for your name, phone number, how you'd like to be contacted, and optionally your e-mail, "
                "the service you're interested in, the days and times that suit you and a short message. "
                "It is stored on the clinic's own server, seen only by clinic staff, and used only to contact you and arrange your care."
            </p>
            <ul>
                <li>"It is never sent to analytics, advertising or any other company."</li>
                <li>"Our staff are told by e-mail that a request arrived, with its reference number only: never its contents."</li>
                <li>"If you give your e-mail address, we send you a confirmation that contains no medical details."</li>
                <li>"Please don't include medical history in the form: we'll ask what we need when we talk."</li>
            </ul>
            <h2>"When you call or e-mail us"</h2>
            <p>"We use what you tell us only to answer you and to arrange your care."</p>
            <h2>"Questions"</h2>
            <p>"Ask us anything about your data on our " <a href=routes::CONTACT>"contact page"</a> "."</p>
        </div>
    }
}
