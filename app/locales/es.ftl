# El texto de la interfaz del sitio en español. Cada mensaje de aquí debe
# estar también en en.ftl, y al revés: si no, la compilación falla
# (app/build.rs).

## La cabecera, el menú y el pie de página
skip-to-content = Ir al contenido principal
call-us = Llámenos:
email-us = Escríbanos:
schedule-online = Pida una cita
menu = Menú
nav-main = Principal
nav-home = Inicio
nav-services = Servicios
nav-articles = Artículos
nav-about = Quiénes somos
nav-contact = Contacto
nav-footer = Páginas
nav-privacy = Privacidad
about-clinic = Sobre { $clinic }
follow-us = Síganos
serving = Atendemos a { $area }

## Páginas que no existen
not-found-title = Página no encontrada
not-found-description = Esta página no existe. Encuentre aquí nuestros servicios y artículos.
not-found-text = No encontramos esa página. Puede que se haya movido o que la dirección tenga un error.
not-found-home = Página de inicio
not-found-services = Nuestros servicios
not-found-articles = Artículos
not-found-contact = Contáctenos

## La página sencilla que se envía mientras la base de datos no responde o todas las conexiones están ocupadas
unavailable-title = Un momento, por favor
unavailable-text = El sitio está muy ocupado o no está disponible por un momento. Vuelva a intentarlo en unos segundos.
unavailable-call = Para hablar con nosotros ahora, llame al { $phone }.
unavailable-retry = Volver a intentar

## Fechas: "13 dic 2023" en las listas, "13 de diciembre de 2023" completa
date-short = { $day } { $month-short } { $year }
date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic

## Compartidos por varias páginas
call-phone = Llame al { $phone }
email-address = Escriba a { $email }
request-consultation = Solicite una consulta
call-today = Llámenos hoy al { $phone } para responder a todas sus preguntas y darle una cita.
cta-heading = ¿Tiene preguntas? Contáctenos hoy
breadcrumb = Ruta de navegación
loading = Cargando…
page-not-loaded = Lo sentimos, esta página no se cargó
go-home = Ir a la página de inicio
not-loaded-title = Esta página no se cargó
connection-dropped = Se cortó la conexión mientras la página llegaba. Compruebe que está en línea y vuelva a intentarlo.
try-again = Intentar de nuevo
# Se muestra en una página en un idioma cuyo texto aún no está escrito en él.
not-translated = Esta página aún no está traducida al español, así que se muestra en inglés.
language-suggestion = Este sitio también está en español.
language-suggestion-link = Lea esta página en español
language-suggestion-dismiss = No, gracias

## Inicio
home-description = { $description } Quiropráctica, fisioterapia, terapia ocupacional, tratamientos de escoliosis y acupuntura. Llame al { $phone }.
home-note = Llámenos o pida una cita en línea para una visita o una consulta gratuita.
home-services = Nuestros servicios, todos bajo un mismo techo
home-articles = Artículos recientes
home-all-articles = Todos los artículos

## Servicios
services-title = Servicios
services-heading = Nuestros servicios
services-description = Quiropráctica, fisioterapia, terapia ocupacional, tratamientos de escoliosis y acupuntura, planificados en equipo bajo un mismo techo.
services-lead = Todos los servicios de abajo se ofrecen en el mismo edificio, así quienes le atienden pueden planificar su atención en equipo.
services-all = Todos los servicios
service-ask = Pregúntenos sobre { $service }
service-ask-text = Déjenos sus datos y le llamaremos. O use el [formulario de consulta completo].
service-others = Otros servicios

## Artículos
articles-title = Artículos
articles-about = Artículos sobre { $category }
articles-paged = { $heading } (página { $page } de { $pages })
articles-description = Artículos de nuestros profesionales sobre el dolor, la postura, la escoliosis y los tratamientos que ofrecemos.
articles-category-description = Artículos de nuestros profesionales sobre { $category }.
articles-all = Todos
articles-categories = Categorías de artículos
articles-newest = Los más recientes primero
articles-pages = Páginas
articles-newer = Artículos más recientes
articles-older = Artículos anteriores
articles-page-of = Página { $page } de { $pages }
article-related = Artículos relacionados

## Quiénes somos y contacto
about-title = Sobre { $clinic }
about-together = Atención en equipo, bajo un mismo techo
about-together-text = Nuestros quiroprácticos, fisioterapeutas, terapeutas ocupacionales, especialistas en escoliosis y acupuntores trabajan en el mismo edificio. Hablan entre sí sobre su atención, así usted recibe un solo plan en lugar de cinco distintos.
about-offer = Lo que ofrecemos
contact-title = Contáctenos
contact-description = Llame al { $phone } o escriba a { $email } para pedir una cita o una consulta gratuita.
contact-online = También puede [solicitar una consulta en línea]: díganos cómo contactarle y nos comunicaremos con usted.
contact-emergency = En una emergencia
contact-emergency-text = No espere nuestra respuesta: llame al 911.
detail-phone = Teléfono
detail-email = Correo electrónico
detail-address = Dirección
detail-area = Zona que atendemos
detail-hours = Horario

## La página de consulta y su confirmación
consultation-description = Pídanos que le contactemos para una cita o una consulta gratuita: quiropráctica, fisioterapia, terapia ocupacional, tratamientos de escoliosis o acupuntura.
consultation-lead = Llámenos o pida una cita en línea para una visita o una consulta gratuita. Díganos cómo contactarle y le llamaremos para encontrar un horario.
sent-title = Solicitud recibida
sent-description = Hemos recibido su solicitud de consulta.
sent-heading = Gracias: hemos recibido su solicitud
sent-reference = Su número de referencia es [{ $reference }]. Menciónelo si nos llama sobre esta solicitud.
sent-next = Qué pasa ahora
sent-step-read = Nuestra recepción lee su solicitud, normalmente en un día hábil.
sent-step-contact = Le contactamos de la forma que pidió, para responder a sus preguntas y encontrar un horario.
sent-step-email = Si nos dio un correo electrónico, le enviamos una confirmación. No contiene ningún dato médico.
sent-sooner = ¿Nos necesita antes? Llame al [{ $phone }].
sent-emergency = En una emergencia, llame al 911.
sent-home = Volver a la página de inicio

## Privacidad
privacy-title = Privacidad
privacy-description = Lo que este sitio recoge sobre usted, y lo que no: sin rastreo, sin publicidad, sin terceros.
privacy-lead = Leer este sitio no le dice a nadie más que a nosotros que usted lo visitó, y guardamos lo mínimo posible.
privacy-reading = Lo que el sitio recoge cuando usted lo lee
privacy-no-cookies = No se guardan cookies en su dispositivo mientras lee nuestras páginas.
privacy-no-tracking = Sin scripts de analítica, publicidad ni rastreo, y sin widgets de redes sociales.
privacy-no-third-parties = Cada página, fuente y script viene de este sitio: su navegador no contacta a ninguna otra empresa mientras lo lee.
privacy-log = Como todo servidor web, el nuestro guarda un breve registro técnico de las solicitudes (la dirección de la página, la hora y si funcionó) para mantener el sitio en marcha y seguro. No registra su nombre ni nada de lo que nos escribe.
privacy-request = Cuando solicita una consulta
privacy-request-text = El formulario de consulta pide su nombre, su teléfono, cómo prefiere que le contactemos y, si quiere, su correo electrónico, el servicio que le interesa, los días y horarios que le convienen y un mensaje breve. Se guarda en el propio servidor de la clínica, solo lo ve el personal de la clínica y se usa solo para contactarle y organizar su atención.
privacy-never-shared = Nunca se envía a analítica, publicidad ni a ninguna otra empresa.
privacy-staff-email = Nuestro personal recibe un correo que avisa de la solicitud, solo con su número de referencia: nunca su contenido.
privacy-confirmation = Si nos da su correo electrónico, le enviamos una confirmación que no contiene datos médicos.
privacy-no-history = Por favor, no incluya su historial médico en el formulario: le preguntaremos lo necesario cuando hablemos.
privacy-booking = Cuando reserva en línea
privacy-booking-text = La reserva pide su nombre, su teléfono, su correo electrónico, si ya ha estado en la clínica y, si quiere, un mensaje breve. Se guarda como una solicitud de consulta: cifrada en el propio servidor de la clínica, solo la ve el personal de la clínica, se usa solo para organizar su atención y nunca se envía a ninguna otra empresa.
privacy-booking-link = Su página de confirmación tiene una dirección que solo usted conoce: muestra la hora de su cita, nunca su nombre ni lo que escribió.
privacy-booking-mail = Le enviamos por correo electrónico una confirmación, un recordatorio antes de la visita y un aviso de cualquier cambio: la hora, el lugar y su enlace, nunca lo que escribió. Al personal de la clínica solo se le envía la referencia de la reserva.
privacy-booking-kept = Los datos que nos da no se guardan para siempre: se eliminan un tiempo después de la cita (un año, salvo que la clínica haya elegido otro).
privacy-calls = Cuando nos llama o nos escribe
privacy-calls-text = Usamos lo que nos dice solo para responderle y organizar su atención.
privacy-questions = Preguntas
privacy-questions-text = Pregúntenos lo que quiera sobre sus datos en nuestra [página de contacto].

## El formulario de consulta
form-name = Nombre completo
form-phone = Teléfono
form-phone-hint = Un número de EE. UU. de 10 dígitos, por ejemplo (732) 345-1377.
form-contact-method = ¿Cómo prefiere que le contactemos?
form-contact-phone = Llamada
form-contact-text = Mensaje de texto
form-contact-email = Correo electrónico
form-email = Correo electrónico
form-email-needed = (necesario si elige correo electrónico)
form-email-hint = Le enviaremos una confirmación por correo, sin ningún dato médico.
form-service = Servicio que le interesa
form-not-sure = Aún no lo sé
form-patient = ¿Ha venido antes a la clínica?
form-patient-new = Paciente nuevo
form-patient-returning = Ya he venido antes
form-days = Días que le convienen
form-day-mon = Lunes
form-day-tue = Martes
form-day-wed = Miércoles
form-day-thu = Jueves
form-day-fri = Viernes
form-day-sat = Sábado
form-time = Momento del día
form-time-any = Cualquier hora
form-time-morning = Mañana
form-time-afternoon = Tarde
form-time-evening = Noche
form-message = ¿Algo más que debamos saber?
form-message-hint = Por favor, no incluya su historial médico: le preguntaremos lo necesario cuando hablemos. Hasta { $max } caracteres.
# { $count }, { $left } y { $over } son números que el formulario completa mientras el paciente escribe.
form-message-count = { $count } de { $max } caracteres
form-message-left = Quedan { $left } caracteres
form-message-over = { $over } caracteres de más
form-consent = Acepto que me contacten sobre esta solicitud, de la forma que elegí arriba.
form-optional = (opcional)
form-honeypot = Deje este campo vacío
form-not-emergency = Este formulario no es para emergencias.
form-urgent = Si necesita ayuda urgente, llame al 911.
form-send = Enviar solicitud
form-sending = Enviando…
form-privacy = Usamos estos datos solo para contactarle.
form-privacy-link = Cómo tratamos sus datos
form-problem = Hay un problema con su solicitud
form-error = Error:
# { $minutes } se completa cuando el servidor dice cuánto esperar.
form-too-many = Ha enviado varias solicitudes en poco tiempo. Vuelva a intentarlo en { $minutes } minuto(s), o llámenos.
form-unreachable = No pudimos conectar con el servidor de la clínica. Compruebe su conexión y vuelva a intentarlo.
form-internal = Algo salió mal de nuestro lado. Vuelva a intentarlo en un momento, o llámenos.
form-not-saved = Su solicitud no se pudo guardar por un problema de nuestro lado, así que no se envió. Vuelva a intentarlo en un momento, o llámenos.

## Las reglas del formulario, comprobadas en el navegador y otra vez en el servidor
rule-name-missing = Escriba su nombre completo.
rule-name-long = Su nombre debe tener { $max } caracteres o menos.
rule-name-control = Su nombre no puede contener saltos de línea ni tabulaciones.
rule-phone-missing = Escriba un número de teléfono para poder contactarle, por ejemplo (732) 345-1377.
rule-phone-digits = Escriba un número de teléfono de EE. UU. de 10 dígitos, por ejemplo (732) 345-1377.
rule-phone-characters = Un número de teléfono solo puede tener dígitos, espacios y los caracteres ( ) - . +
rule-contact-missing = Elija cómo debemos contactarle: llamada, mensaje de texto o correo electrónico.
rule-email-missing = Escriba su correo electrónico, o elija otra forma de contactarle.
rule-email-long = Un correo electrónico no puede tener más de { $max } caracteres.
rule-email-invalid = Escriba un correo electrónico como nombre@ejemplo.com.
rule-service = Elija un servicio de la lista, o "Aún no lo sé".
rule-patient = Díganos si es paciente nuevo o si ya ha venido antes.
rule-days = Elija días de la lista.
rule-time = Elija un momento del día de la lista.
# { $excess } se completa cuando se aplica la regla.
rule-message-long = Su mensaje tiene { $excess } caracteres de más: no pase de { $max }.
rule-consent = Marque la casilla para que podamos contactarle sobre esta solicitud.

## El correo que recibe un paciente que dio su dirección: nunca lo que escribió
mail-subject = Hemos recibido su solicitud ({ $reference })
mail-thanks = Gracias por contactar con { $clinic }.
mail-received = Hemos recibido su solicitud. Su número de referencia es { $reference }.
mail-next = Le contactaremos de la forma que pidió, normalmente en un día hábil.
mail-sooner = Si nos necesita antes, llame al { $phone }.
mail-not-you = Si usted no envió esta solicitud, puede ignorar este correo.
mail-booked-subject = Su cita en { $clinic }: { $time }
mail-requested-subject = Hemos recibido su solicitud para el { $time }
mail-reminder-subject = Recordatorio: su cita del { $time }
mail-moved-subject = Su cita tiene una nueva hora: { $time }
mail-cancelled-subject = Su cita está cancelada ({ $reference })
mail-confirmed-subject = Su cita está confirmada: { $time }
mail-declined-subject = No pudimos darle esa hora ({ $reference })
mail-booked-body = Tiene cita: { $kind }, { $time }.
mail-requested-body = Hemos recibido su solicitud de { $kind }, { $time }. La recepción se la confirmará por correo electrónico, normalmente en un día hábil.
mail-reminder-body = Le recordamos su cita: { $kind }, { $time }.
mail-moved-body = Su cita tiene una nueva hora: { $kind }, { $time }.
mail-cancelled-body = Su cita ({ $kind }, { $time }) está cancelada. Para reservar otra hora, visite { $book } o llame al { $phone }.
mail-confirmed-body = La recepción ha confirmado su cita: { $kind }, { $time }.
mail-declined-body = Lo sentimos: la recepción no pudo darle el { $time }. Elija otra hora en { $book } o llame al { $phone }.
mail-appointment-reference = Su número de referencia es { $reference }.
mail-appointment-where = Dónde: { $address }
mail-appointment-manage = Para ver, cambiar o cancelar la cita: { $link }
mail-appointment-calendar = El archivo adjunto la añade a su calendario.
mail-appointment-call = ¿Preguntas? Llame al { $phone }.
mail-appointment-not-you = Si usted no reservó esta cita, puede ignorar este correo.

## Online booking (/es/reservar): its steps, the times, the confirmation
weekday-1 = lunes
weekday-2 = martes
weekday-3 = miércoles
weekday-4 = jueves
weekday-5 = viernes
weekday-6 = sábado
weekday-7 = domingo
booking-day = { $weekday }, { $date }
clock-am = a. m.
clock-pm = p. m.
booking-clock = { $hour }:{ $minute } { $half }
booking-time = { $day }, { $clock } { $zone }, { $minutes } minutos, con { $who }
booking-title = Reserve una cita
booking-description = Elija un servicio, un profesional y una hora libre, y reserve en línea, de día o de noche.
booking-lead = Elija la hora que le convenga; recibirá la confirmación por correo electrónico al momento. Las horas son las de la zona horaria de la clínica ({ $zone }).
booking-step-type = 1. ¿Qué desea reservar?
booking-step-who = 2. ¿Con quién desea la cita?
booking-step-day = 3. Elija un día
booking-step-time = 4. Elija una hora
booking-step-details = 5. Sus datos
booking-minutes = { $minutes } minutos
booking-for-new = para pacientes nuevos
booking-for-returning = para pacientes que ya nos visitan
booking-requested-note = La recepción confirma esta cita por correo electrónico.
booking-anyone = El primero disponible
booking-anyone-note = Quien esté libre a la hora que elija.
booking-speaks = Atiende en { $languages }
language-name-en = inglés
language-name-es = español
list-and = { $first } y { $last }
booking-change = Cambiar
booking-free-count = { $count } horas libres
booking-no-times = No quedan horas libres ese día. Elija otro día o llámenos al { $phone }.
booking-no-days = No quedan horas libres en estas dos semanas.
booking-later = Días siguientes
booking-earlier = Días anteriores
booking-none-offered = Por ahora no se puede reservar en línea. Llámenos al { $phone }.
booking-confirm = Reservar esta hora
booking-email-missing = Escriba su correo electrónico: allí le enviamos la confirmación y el enlace para cambiar la cita.
booking-taken = Alguien reservó esa hora hace un momento. Sus datos se conservan: elija una de las horas libres más cercanas.
booking-nearest = Horas libres más cercanas
booking-confirmed-title = Su cita
booking-confirmed-heading = Cita reservada
booking-requested-heading = Hemos recibido su solicitud
booking-confirmed-reference = Su referencia es [{ $reference }]. Menciónela si nos llama por esta cita.
booking-confirmed-when = { $time }
booking-requested-when = La recepción le confirmará { $time } por correo electrónico, normalmente en un día hábil.
booking-calendar = Añadir al calendario (.ics)
booking-keep-link = Guarde la dirección de esta página: es su enlace para ver, cambiar o cancelar la cita. También se la hemos enviado por correo electrónico.
booking-manage-missing = No encontramos esa cita. Puede que el enlace esté mal escrito o que la cita se haya eliminado. Llámenos al { $phone }.
booking-manage-change = Cambiar esta cita
booking-manage-move = Pasarla a otra hora
booking-manage-cancel = Cancelarla
booking-manage-cancel-heading = ¿Cancelar esta cita?
booking-manage-cancel-ask = El { $time } quedará libre para otra persona. Puede volver a reservar cuando quiera.
booking-manage-cancel-yes = Sí, cancelarla
booking-manage-keep = No, mantenerla
booking-manage-move-heading = Elija una nueva hora
booking-manage-move-note = Su cita conserva su hora hasta que elija una nueva.
booking-manage-late = Los cambios en línea se cierran { $hours } horas antes de la cita. Para cambiarla o cancelarla ahora, llame al { $phone }.
booking-manage-done-moved = Hecho: su cita tiene su nueva hora. Le hemos enviado los detalles por correo electrónico.
booking-manage-done-cancelled = Su cita está cancelada. Le hemos enviado una confirmación por correo electrónico.
booking-manage-done-taken = Otra persona reservó esa hora hace un momento. Su cita no ha cambiado: elija otra hora.
booking-manage-done-late = Esta cita ya no se puede cambiar en línea. Llame al { $phone }.
booking-cancelled-heading = Su cita está cancelada
booking-declined-heading = La recepción no pudo darle esta hora
booking-book-again = Reservar otra hora
booking-manage-past = Esta cita ya ha pasado.
