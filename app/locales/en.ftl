# The site's interface text in English. Every message here must also be in
# es.ftl, and the other way round: the build fails otherwise (app/build.rs).

## The header, the menu and the footer
skip-to-content = Skip to main content
call-us = Call us:
email-us = E-mail us:
schedule-online = Schedule Online
menu = Menu
nav-main = Main
nav-home = Home
nav-services = Services
nav-articles = Articles
nav-about = About
nav-contact = Contact
nav-footer = Pages
nav-privacy = Privacy
about-clinic = About { $clinic }
follow-us = Follow Us
serving = Serving { $area }

## Pages that are not there
not-found-title = Page not found
not-found-description = This page doesn't exist. Find our services and articles from here.
not-found-text = We couldn't find that page. It may have moved, or the address may be mistyped.
not-found-home = Home page
not-found-services = Our services
not-found-articles = Articles
not-found-contact = Contact us

## The plain page sent while the database is out or every connection is busy
unavailable-title = One moment, please
unavailable-text = The site is very busy or briefly unavailable. Please try again in a few seconds.
unavailable-call = To reach us now, call { $phone }.
unavailable-retry = Try again

## Dates: "Dec 13, 2023" in lists, "December 13, 2023" in full
date-short = { $month-short } { $day }, { $year }
date-long = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec

## Shared by several pages
call-phone = Call { $phone }
email-address = E-mail { $email }
request-consultation = Request a consultation
call-today = Give us a call at { $phone } today to have all of your questions answered and to get you booked for an appointment!
cta-heading = Have Questions? Get In Touch Today!
breadcrumb = Breadcrumb
loading = Loading…
page-not-loaded = Sorry, this page didn't load
go-home = Go to the home page
not-loaded-title = This page didn't load
connection-dropped = The connection dropped while the page was on its way. Check that you are online, then try again.
try-again = Try again
# Shown on a page in one language whose text is not yet written in it.
not-translated = This page is not available in English yet, so it is shown in the language it was written in.
language-suggestion = This site is also in English.
language-suggestion-link = Read this page in English
language-suggestion-dismiss = No, thanks

## Home
home-description = { $description } Chiropractic, physical therapy, occupational therapy, scoliosis treatments and acupuncture. Call { $phone }.
home-note = Give us a call or schedule online for an appointment or free consultation.
home-services = Our services, all under one roof
home-articles = Latest articles
home-all-articles = All articles

## Services
services-title = Services
services-heading = Our services
services-description = Chiropractic, physical therapy, occupational therapy, scoliosis treatments and acupuncture, planned together under one roof.
services-lead = Every service below happens in the same building, so the people treating you can plan your care together.
services-all = All services
service-ask = Ask us about { $service }
service-ask-text = Leave your details and we'll call you back. Or use the [full consultation form].
service-others = Other services

## Articles
articles-title = Articles
articles-about = Articles about { $category }
articles-paged = { $heading } (page { $page } of { $pages })
articles-description = Articles from our clinicians on pain, posture, scoliosis and the treatments we offer.
articles-category-description = Articles from our clinicians about { $category }.
articles-all = All
articles-categories = Article categories
articles-newest = Newest first
articles-pages = Pages
articles-newer = Newer articles
articles-older = Older articles
articles-page-of = Page { $page } of { $pages }
article-related = Related Posts

## About and contact
about-title = About { $clinic }
about-together = Collaborative care, under one roof
about-together-text = Our chiropractors, physical and occupational therapists, scoliosis specialists and acupuncturists work in the same building. They talk to each other about your care, so you get one plan instead of five separate ones.
about-offer = What we offer
contact-title = Contact us
contact-description = Call { $phone } or e-mail { $email } to book an appointment or a free consultation.
contact-online = You can also [request a consultation online]: tell us how to reach you and we'll contact you.
contact-emergency = In an emergency
contact-emergency-text = Don't wait for a reply from us: call 911.
detail-phone = Phone
detail-email = E-mail
detail-address = Address
detail-area = Area served
detail-hours = Hours

## The consultation page and its confirmation
consultation-description = Ask us to contact you about an appointment or a free consultation: chiropractic, physical therapy, occupational therapy, scoliosis treatments or acupuncture.
consultation-lead = Give us a call or schedule online for an appointment or free consultation. Tell us how to reach you and we'll contact you to find a time.
sent-title = Request received
sent-description = We have received your consultation request.
sent-heading = Thank you: we've received your request
sent-reference = Your reference is [{ $reference }]. Quote it if you call us about this request.
sent-next = What happens next
sent-step-read = Our front desk reads your request, usually within one business day.
sent-step-contact = We contact you the way you asked, to answer your questions and find a time.
sent-step-email = If you gave an e-mail address, we've sent you a confirmation. It contains no medical details.
sent-sooner = Need us sooner? Call [{ $phone }].
sent-emergency = In an emergency, call 911.
sent-home = Back to the home page

## Privacy
privacy-title = Privacy
privacy-description = What this website collects about you, and what it does not: no tracking, no advertising, no third parties.
privacy-lead = Reading this website tells no one but us that you visited, and we keep as little as we can.
privacy-reading = What the site collects when you read it
privacy-no-cookies = No cookies are set on your device while you read our pages.
privacy-no-tracking = No analytics, advertising or tracking scripts, and no social-media widgets.
privacy-no-third-parties = Every page, font and script comes from this website: your browser contacts no other company while you read it.
privacy-log = Like every web server, ours writes a short technical log of requests (the address of the page, the time, and whether it worked) so we can keep the site running and safe. It does not record your name or anything you write to us.
privacy-request = When you request a consultation
privacy-request-text = The consultation form asks for your name, phone number, how you'd like to be contacted, and optionally your e-mail, the service you're interested in, the days and times that suit you and a short message. It is stored on the clinic's own server, seen only by clinic staff, and used only to contact you and arrange your care.
privacy-never-shared = It is never sent to analytics, advertising or any other company.
privacy-staff-email = Our staff are told by e-mail that a request arrived, with its reference number only: never its contents.
privacy-confirmation = If you give your e-mail address, we send you a confirmation that contains no medical details.
privacy-no-history = Please don't include medical history in the form: we'll ask what we need when we talk.
privacy-booking = When you book online
privacy-booking-text = Booking asks for your name, phone number, e-mail address, whether you have been to the clinic before and, if you like, a short message. It is kept like a consultation request: encrypted on the clinic's own server, seen only by clinic staff, used only to arrange your care, and never sent to any other company.
privacy-booking-link = Your confirmation page has an address only you know: it shows the time of your appointment, never your name or what you wrote.
privacy-booking-mail = We e-mail you a confirmation, a reminder before the visit and a note of any change: the time, the place and your link, never what you wrote. Clinic staff are e-mailed only the booking's reference.
privacy-booking-kept = The details you give are not kept for ever: they are deleted a set time after the appointment (a year, unless the clinic has chosen another).
privacy-calls = When you call or e-mail us
privacy-calls-text = We use what you tell us only to answer you and to arrange your care.
privacy-questions = Questions
privacy-questions-text = Ask us anything about your data on our [contact page].

## The consultation form
form-name = Full name
form-phone = Phone
form-phone-hint = A 10-digit US number, for example (732) 345-1377.
form-contact-method = How should we contact you?
form-contact-phone = Phone call
form-contact-text = Text message
form-contact-email = E-mail
form-email = E-mail
form-email-needed = (needed if you choose e-mail)
form-email-hint = We'll e-mail you a confirmation, without any medical details.
form-service = Service you're interested in
form-not-sure = Not sure yet
form-patient = Have you been to the clinic before?
form-patient-new = New patient
form-patient-returning = Returning patient
form-days = Days that suit you
form-day-mon = Monday
form-day-tue = Tuesday
form-day-wed = Wednesday
form-day-thu = Thursday
form-day-fri = Friday
form-day-sat = Saturday
form-time = Time of day
form-time-any = Any time
form-time-morning = Morning
form-time-afternoon = Afternoon
form-time-evening = Evening
form-message = Anything else we should know?
form-message-hint = Please don't include medical history: we'll ask what we need when we talk. Up to { $max } characters.
# { $count }, { $left } and { $over } are numbers the form fills in as the patient types.
form-message-count = { $count } of { $max } characters
form-message-left = { $left } characters left
form-message-over = { $over } characters over the limit
form-consent = I agree to be contacted about this request, the way I chose above.
form-optional = (optional)
form-honeypot = Leave this field empty
form-not-emergency = This form is not for emergencies.
form-urgent = If you need urgent help, call 911.
form-send = Send request
form-sending = Sending…
form-privacy = We use these details only to contact you.
form-privacy-link = How we handle your data
form-problem = There is a problem with your request
form-error = Error:
# { $minutes } is filled in when the server says how long to wait.
form-too-many = You've sent several requests in a short time. Please try again in { $minutes } minute(s), or give us a call.
form-unreachable = We couldn't reach the clinic's server. Check your connection and try again.
form-internal = Something went wrong on our side. Please try again in a moment, or give us a call.
form-not-saved = Your request could not be saved because of a problem on our side, so it was not sent. Please try again in a moment, or give us a call.

## The form's rules, checked in the browser and again on the server
rule-name-missing = Enter your full name.
rule-name-long = Your name must be { $max } characters or fewer.
rule-name-control = Your name can't contain line breaks or tabs.
rule-phone-missing = Enter a phone number so we can reach you, for example (732) 345-1377.
rule-phone-digits = Enter a 10-digit US phone number, for example (732) 345-1377.
rule-phone-characters = A phone number can hold only digits, spaces, and ( ) - . + characters.
rule-contact-missing = Choose how we should contact you: phone call, text message or e-mail.
rule-email-missing = Enter your e-mail address, or choose another way for us to contact you.
rule-email-long = An e-mail address can't be longer than { $max } characters.
rule-email-invalid = Enter an e-mail address like name@example.com.
rule-service = Choose a service from the list, or "Not sure yet".
rule-patient = Tell us whether you are a new or a returning patient.
rule-days = Choose days from the list.
rule-time = Choose a time of day from the list.
# { $excess } is filled in when the rule runs.
rule-message-long = Your message is { $excess } characters too long: keep it to { $max }.
rule-consent = Tick the box to let us contact you about this request.

## The e-mail a patient gets when they gave an address: never what they wrote
mail-subject = We received your request ({ $reference })
mail-thanks = Thank you for contacting { $clinic }.
mail-received = We have received your request. Your reference is { $reference }.
mail-next = We will contact you the way you asked, usually within one business day.
mail-sooner = If you need us sooner, call { $phone }.
mail-not-you = If you did not send this request, you can ignore this e-mail.
mail-booked-subject = Your appointment at { $clinic }: { $time }
mail-requested-subject = We received your request for { $time }
mail-reminder-subject = Reminder: your appointment on { $time }
mail-moved-subject = Your appointment has a new time: { $time }
mail-cancelled-subject = Your appointment is cancelled ({ $reference })
mail-confirmed-subject = Your appointment is confirmed: { $time }
mail-declined-subject = We could not give you that time ({ $reference })
mail-booked-body = You're booked: { $kind }, { $time }.
mail-requested-body = We received your request for { $kind }, { $time }. The front desk will confirm it by e-mail, usually within one business day.
mail-reminder-body = A reminder of your appointment: { $kind }, { $time }.
mail-moved-body = Your appointment has a new time: { $kind }, { $time }.
mail-cancelled-body = Your appointment ({ $kind }, { $time }) is cancelled. To book another time, visit { $book } or call { $phone }.
mail-confirmed-body = The front desk confirmed your appointment: { $kind }, { $time }.
mail-declined-body = We are sorry: the front desk could not give you { $time }. Please choose another time at { $book } or call { $phone }.
mail-appointment-reference = Your reference is { $reference }.
mail-appointment-where = Where: { $address }
mail-appointment-manage = To see, move or cancel it: { $link }
mail-appointment-calendar = The attached file adds it to your calendar.
mail-appointment-call = Questions? Call { $phone }.
mail-appointment-not-you = If you did not book this appointment, you can ignore this e-mail.

## Online booking (/book): its steps, the times, the confirmation
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
# "Wednesday, December 9, 2026"
booking-day = { $weekday }, { $date }
clock-am = AM
clock-pm = PM
# "10:30 AM"
booking-clock = { $hour }:{ $minute } { $half }
# A time in full, as a screen reader reads its button.
booking-time = { $day }, { $clock } { $zone }, { $minutes } minutes, with { $who }
booking-title = Book an appointment
booking-description = Choose a service, a practitioner and a free time, and book it online, day or night.
booking-lead = Pick a time that suits you; you get a confirmation by e-mail straight away. Times are in the clinic's time zone ({ $zone }).
booking-step-type = 1. What would you like to book?
booking-step-who = 2. Who would you like to see?
booking-step-day = 3. Choose a day
booking-step-time = 4. Choose a time
booking-step-details = 5. Your details
booking-minutes = { $minutes } minutes
booking-for-new = for new patients
booking-for-returning = for returning patients
booking-requested-note = The front desk confirms this one by e-mail.
booking-anyone = First available
booking-anyone-note = Whoever is free at the time you choose.
booking-speaks = Sees patients in { $languages }
language-name-en = English
language-name-es = Spanish
list-and = { $first } and { $last }
booking-change = Change
booking-free-count = { $count } free times
booking-no-times = No free times that day. Choose another day, or call us on { $phone }.
booking-no-days = No free times in these two weeks.
booking-later = Later days
booking-earlier = Earlier days
booking-none-offered = Nothing can be booked online at the moment. Please call us on { $phone }.
booking-confirm = Book this time
booking-email-missing = Enter your e-mail address: the confirmation and your link to change the appointment go there.
booking-taken = Someone booked that time a moment ago. Your details are kept: choose one of the nearest free times.
booking-nearest = Nearest free times
booking-confirmed-title = Your appointment
booking-confirmed-heading = You're booked
booking-requested-heading = Your request is in
booking-confirmed-reference = Your reference is [{ $reference }]. Quote it if you call us about this appointment.
booking-confirmed-when = { $time }
booking-requested-when = The front desk will confirm { $time } by e-mail, usually within one business day.
booking-calendar = Add to calendar (.ics)
booking-keep-link = Keep this page's address: it is your link to see, move or cancel this appointment. We have also e-mailed it to you.
booking-manage-missing = We couldn't find that appointment. The link may be mistyped, or the appointment was removed. Call us on { $phone }.
booking-manage-change = Change this appointment
booking-manage-move = Move it to another time
booking-manage-cancel = Cancel it
booking-manage-cancel-heading = Cancel this appointment?
booking-manage-cancel-ask = { $time } becomes free for someone else. You can book again at any time.
booking-manage-cancel-yes = Yes, cancel it
booking-manage-keep = No, keep it
booking-manage-move-heading = Choose a new time
booking-manage-move-note = Your appointment keeps its time until you choose a new one.
booking-manage-late = Changes online close { $hours } hours before the appointment. To change or cancel it now, call { $phone }.
booking-manage-done-moved = Done: your appointment has its new time. We have e-mailed you the details.
booking-manage-done-cancelled = Your appointment is cancelled. We have e-mailed you a confirmation.
booking-manage-done-taken = Someone took that time a moment ago. Your appointment is unchanged: choose another time.
booking-manage-done-late = This appointment can no longer be changed online. Call { $phone }.
booking-cancelled-heading = Your appointment is cancelled
booking-declined-heading = The front desk could not give you this time
booking-book-again = Book another time
booking-manage-past = This appointment has passed.
