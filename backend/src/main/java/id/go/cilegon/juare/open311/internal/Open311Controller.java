package id.go.cilegon.juare.open311.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.auth.AccessTokens;
import id.go.cilegon.juare.auth.Caller;
import id.go.cilegon.juare.complaint.Complaint;
import id.go.cilegon.juare.complaint.ComplaintStatus;
import id.go.cilegon.juare.complaint.Complaints;
import id.go.cilegon.juare.event.EventLog;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.event.StoredEvent;
import id.go.cilegon.juare.photo.Photo;
import id.go.cilegon.juare.photo.PhotoService;
import id.go.cilegon.juare.photo.PhotoUrls;
import id.go.cilegon.juare.platform.PublicUrl;
import id.go.cilegon.juare.platform.ApiException;
import id.go.cilegon.juare.platform.CallerLanguage;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Messages;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.platform.UserErrorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) under /open311/v2/, JSON or XML by the extension. Services are
 * the active categories; a service request is a complaint, filed through the same service as submitComplaint and
 * shown only to whom complaint(id) shows it. Confidential complaints go to their filer only: Open311 consumers
 * republish what they read. No NIK, phone or name of a person is ever part of an answer. Decisions: docs/adr/0033.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** Wall-clock offset of Kota Cilegon (WIB): every date goes out with it. */
    static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** The spec's default window of GET requests, and the longest window one may ask for. */
    static final Duration WINDOW = Duration.ofDays(90);
    /** At most this many requests per answer, newest first (page further back with end_date). */
    static final int MAX_REQUESTS = 200;
    /** At most this many ids in service_request_id. */
    static final int MAX_IDS = 100;
    /** A form of a few fields and a description of at most 2000 characters fits easily. */
    static final long MAX_POST_BYTES = 16 * 1024;
    private static final Pattern OUR_PHOTO = Pattern.compile("(?:.*/api/photos/)?([0-9a-fA-F-]{36})(?:[/?#].*)?");
    private static final Set<EventType> PUBLIC_NOTES = EnumSet.of(EventType.REPLIED, EventType.RESOLVED,
            EventType.REJECTED, EventType.MARKED_DUPLICATE);
    private static final String FORMAT = "{format:json|xml}";

    private final Complaints complaints;
    private final AgencyCatalog catalog;
    private final PhotoService photos;
    private final EventLog eventLog;
    private final AccessTokens tokens;
    private final JsonMapper json;
    private final Clock clock;
    private final String jurisdiction;
    private final String contact;
    private final PhotoUrls photoUrls;
    private final PublicUrl publicUrl;
    private final Messages messages;

    Open311Controller(Complaints complaints, AgencyCatalog catalog, PhotoService photos, EventLog eventLog,
                      AccessTokens tokens, JsonMapper json, Clock clock, PhotoUrls photoUrls, PublicUrl publicUrl,
                      @Value("${juare.open311.jurisdiction-id:cilegon.go.id}") String jurisdiction,
                      @Value("${juare.open311.contact:Diskominfo Kota Cilegon}") String contact, Messages messages) {
        this.complaints = complaints;
        this.catalog = catalog;
        this.photos = photos;
        this.eventLog = eventLog;
        this.tokens = tokens;
        this.json = json;
        this.clock = clock;
        this.jurisdiction = jurisdiction;
        this.contact = contact;
        this.photoUrls = photoUrls;
        this.publicUrl = publicUrl;
        this.messages = messages;
    }

    // ---- discovery and services ----------------------------------------------------------------------------------

    @GetMapping("/discovery." + FORMAT)
    ResponseEntity<String> discovery(@PathVariable String format, ServerWebExchange exchange) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        endpoint.put("specification", SPECIFICATION);
        endpoint.put("url", base(exchange) + "/open311/v2");
        endpoint.put("changeset", "2026-12-06T00:00:00+07:00");
        endpoint.put("type", "production");
        endpoint.put("formats", List.of("text/xml", "application/json"));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("changeset", "2026-12-06T00:00:00+07:00");
        discovery.put("contact", contact);
        discovery.put("key_service", messages.text(language(exchange), "open311.key-service"));
        discovery.put("endpoints", List.of(endpoint));
        return answer(format, "discovery", discovery);
    }

    @GetMapping("/services." + FORMAT)
    Mono<ResponseEntity<String>> services(@PathVariable String format, ServerWebExchange exchange) {
        checkRequest(exchange);
        String language = language(exchange);
        return catalog.snapshot().map(agencies -> {
            List<Object> services = new ArrayList<>();
            agencies.categories().values().stream()
                    .filter(Category::active)
                    .sorted(java.util.Comparator.comparingInt(Category::sortOrder).thenComparing(Category::code))
                    .forEach(category -> services.add(service(category, agencies.opds().get(category.defaultOpdCode()), language)));
            return answer(format, "services", services);
        });
    }

    private static Map<String, Object> service(Category category, Opd opd, String language) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("service_code", category.code());
        service.put("service_name", name(category, language));
        service.put("description", name(category, language) + (opd == null ? "" : " — " + opd.name()));
        service.put("metadata", false);
        service.put("type", "realtime");
        service.put("keywords", String.join(",", category.nameId().toLowerCase(Locale.ROOT),
                category.nameEn().toLowerCase(Locale.ROOT)));
        service.put("group", opd == null ? null : opd.name());
        return service;
    }

    private static String name(Category category, String language) {
        return "en".equals(language) ? category.nameEn() : category.nameId();
    }

    /** No category has attributes of its own: every definition is empty (metadata is false for all). */
    @GetMapping("/services/{code}." + FORMAT)
    Mono<ResponseEntity<String>> serviceDefinition(@PathVariable String code, @PathVariable String format,
                                                   ServerWebExchange exchange) {
        checkRequest(exchange);
        return catalog.category(code)
                .filter(Category::active)
                .switchIfEmpty(Mono.error(() -> unknownService()))
                .map(category -> {
                    Map<String, Object> definition = new LinkedHashMap<>();
                    definition.put("service_code", category.code());
                    definition.put("attributes", List.of());
                    return answer(format, "service_definition", definition);
                });
    }

    // ---- filing --------------------------------------------------------------------------------------------------

    /**
     * POST a request: the form of the spec. lat and long are required (a complaint is placed by its point);
     * address_string becomes the address text; attribute[confidential] asks for a confidential complaint;
     * media_url must name a photo the resident uploaded to Juare (POST /api/photos): nothing is ever fetched.
     * Idempotency: the Idempotency-Key header or attribute[client_request_id] is the clientRequestId.
     */
    @PostMapping("/requests." + FORMAT)
    Mono<ResponseEntity<String>> create(@PathVariable String format, ServerWebExchange exchange) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > MAX_POST_BYTES) {
            return Mono.error(tooLarge());
        }
        return exchange.getFormData()
                .flatMap(form -> {
                    Map<String, String> fields = fields(form, exchange.getRequest().getQueryParams());
                    checkJurisdiction(fields.get("jurisdiction_id"));
                    // who first: nothing about the body is answered to a caller without a resident's token
                    return caller(fields.get("api_key"), exchange)
                            .flatMap(caller -> caller.isResident() ? Mono.just(caller)
                                    : Mono.error(new Open311Error(HttpStatus.FORBIDDEN, "FORBIDDEN", "open311.residents-only")))
                            .flatMap(caller -> complaints.submit(caller.id(), newComplaint(fields, exchange)));
                })
                .map(complaint -> {
                    Map<String, Object> created = new LinkedHashMap<>();
                    created.put("service_request_id", complaint.id().toString());
                    created.put("service_notice", notice(complaint, language(exchange)));
                    created.put("account_id", null);
                    return answer(format, "service_requests", List.of(created));
                });
    }

    private Complaints.NewComplaint newComplaint(Map<String, String> fields, ServerWebExchange exchange) {
        String serviceCode = fields.get("service_code");
        if (serviceCode == null || serviceCode.isBlank()) {
            throw Open311Error.badRequest("open311.service-code-required");
        }
        String lat = fields.get("lat");
        String lng = fields.get("long");
        if (lat == null || lng == null) {
            throw Open311Error.badRequest("open311.location-required");
        }
        double latitude = coordinate(lat, 90, "lat");
        double longitude = coordinate(lng, 180, "long");
        String headerKey = exchange.getRequest().getHeaders().getFirst("Idempotency-Key");
        String attributeKey = fields.get("attribute[client_request_id]");
        if (headerKey != null && attributeKey != null && !headerKey.strip().equals(attributeKey.strip())) {
            throw Open311Error.badRequest("open311.idempotency-keys-differ");
        }
        // without a key every POST files a new complaint, as Open311 clients expect
        String requestId = headerKey != null ? headerKey : attributeKey != null ? attributeKey : UUID.randomUUID().toString();
        return new Complaints.NewComplaint(requestId, serviceCode.strip(), null, fields.get("description"),
                latitude, longitude, fields.get("address_string"), photoIds(fields.get("media_url")),
                confidential(fields.get("attribute[confidential]")));
    }

    private static double coordinate(String text, double limit, String field) {
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value) && Math.abs(value) <= limit) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Open311Error.badRequest("open311.coordinate", field);
    }

    /** Our own uploaded photo only (its id or its URL); any other URL is refused, never fetched. */
    private static List<String> photoIds(String mediaUrl) {
        if (mediaUrl == null || mediaUrl.isBlank()) {
            return List.of();
        }
        Matcher matcher = OUR_PHOTO.matcher(mediaUrl.strip());
        if (!matcher.matches()) {
            throw Open311Error.badRequest("open311.media-url");
        }
        return List.of(matcher.group(1).toLowerCase(Locale.ROOT));
    }

    private static Boolean confidential(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "ya" -> true;
            case "false", "0", "no", "tidak" -> false;
            default -> throw Open311Error.badRequest("open311.confidential");
        };
    }

    // ---- reading -------------------------------------------------------------------------------------------------

    /**
     * GET requests with the spec's filters. Only with a token: a resident sees their own complaints, staff what they
     * may see in GraphQL, less the confidential ones; there is no public list (GraphQL has none either).
     */
    @GetMapping("/requests." + FORMAT)
    Mono<ResponseEntity<String>> requests(@PathVariable String format, ServerWebExchange exchange) {
        Map<String, String> params = fields(null, exchange.getRequest().getQueryParams());
        checkJurisdiction(params.get("jurisdiction_id"));
        Complaints.Query query = query(params);
        return caller(params.get("api_key"), exchange)
                .flatMap(caller -> complaints.visible(caller, query).collectList())
                .flatMap(found -> render(found, exchange))
                .map(found -> answer(format, "service_requests", found));
    }

    @GetMapping("/requests/{id}." + FORMAT)
    Mono<ResponseEntity<String>> request(@PathVariable String id, @PathVariable String format, ServerWebExchange exchange) {
        Map<String, String> params = fields(null, exchange.getRequest().getQueryParams());
        checkJurisdiction(params.get("jurisdiction_id"));
        UUID complaintId = uuid(id);
        return caller(params.get("api_key"), exchange)
                // unknown, malformed or not the caller's: one answer, so that it tells nothing
                .flatMap(caller -> complaintId == null ? Mono.<Complaint>empty() : visibleHere(caller, complaintId))
                .switchIfEmpty(Mono.error(Open311Error.notFound("open311.request-not-found")))
                .flatMap(complaint -> render(List.of(complaint), exchange))
                .map(found -> answer(format, "service_requests", found));
    }

    /** complaint(id)'s rule, and confidential complaints for their filer only. */
    private Mono<Complaint> visibleHere(Caller caller, UUID id) {
        return complaints.visible(caller, id)
                .filter(c -> !c.confidential() || (caller.isResident() && caller.id().equals(c.residentId())));
    }

    private Complaints.Query query(Map<String, String> params) {
        Set<UUID> ids = new LinkedHashSet<>();
        String idList = params.get("service_request_id");
        if (idList != null && !idList.isBlank()) {
            List<String> parts = Arrays.stream(idList.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (parts.size() > MAX_IDS) {
                throw Open311Error.badRequest("open311.too-many-ids", MAX_IDS);
            }
            // a malformed id is one nobody may see: left out like an unknown one
            parts.stream().map(Open311Controller::uuid).filter(Objects::nonNull).forEach(ids::add);
            if (ids.isEmpty()) {
                return new Complaints.Query(Set.of(new UUID(0, 0)), null, null, null, null, true, 1);
            }
            // the spec: with service_request_id, the other filters are ignored
            return new Complaints.Query(ids, null, null, null, null, true, MAX_REQUESTS);
        }
        List<String> codes = list(params.get("service_code"));
        Set<ComplaintStatus> statuses = statuses(params.get("status"));
        Instant start = date(params.get("start_date"), "start_date");
        Instant end = date(params.get("end_date"), "end_date");
        if (end == null) {
            end = start == null ? clock.instant() : start.plus(WINDOW);
        }
        if (start == null) {
            start = end.minus(WINDOW);
        }
        if (!start.isBefore(end)) {
            throw Open311Error.badRequest("open311.date-order");
        }
        if (Duration.between(start, end).compareTo(WINDOW) > 0) {
            throw Open311Error.badRequest("open311.date-range", WINDOW.toDays());
        }
        // end_date is inclusive in the spec
        return new Complaints.Query(null, codes, statuses, start, end.plusNanos(1000), true, MAX_REQUESTS);
    }

    /** open / closed from the lifecycle's own categories (ComplaintStatus.isOpen), never a list of statuses here. */
    private static Set<ComplaintStatus> statuses(String status) {
        List<String> asked = list(status);
        if (asked == null) {
            return null;
        }
        EnumSet<ComplaintStatus> statuses = EnumSet.noneOf(ComplaintStatus.class);
        for (String each : asked) {
            boolean open = switch (each.toLowerCase(Locale.ROOT)) {
                case "open" -> true;
                case "closed" -> false;
                default -> throw Open311Error.badRequest("open311.status");
            };
            for (ComplaintStatus s : ComplaintStatus.values()) {
                if (s.isOpen() == open) {
                    statuses.add(s);
                }
            }
        }
        return statuses;
    }

    private static Instant date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Error.badRequest("open311.date-format", field);
        }
    }

    private static List<String> list(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Requests in the spec's fields; one query each for the catalogue, the photos and the public notes. */
    private Mono<List<Object>> render(List<Complaint> found, ServerWebExchange exchange) {
        if (found.isEmpty()) {
            return Mono.just(List.of());
        }
        List<UUID> ids = found.stream().map(Complaint::id).toList();
        String language = language(exchange);
        String base = base(exchange);
        return Mono.zip(catalog.snapshot(), photos.photosOf(ids), eventLog.ofComplaints(ids, true))
                .map(t -> {
                    List<Object> requests = new ArrayList<>();
                    for (Complaint complaint : found) {
                        requests.add(request(complaint, t.getT1(), t.getT2().getOrDefault(complaint.id(), List.of()),
                                t.getT3().getOrDefault(complaint.id(), List.of()), language, base));
                    }
                    return requests;
                });
    }

    private Map<String, Object> request(Complaint c, AgencyCatalog.Catalog agencies, List<Photo> photoList,
                                        List<StoredEvent> events, String language, String base) {
        Category category = agencies.categories().get(c.categoryCode());
        Opd opd = c.opdCode() == null ? null : agencies.opds().get(c.opdCode());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", c.id().toString());
        request.put("status", c.status().isOpen() ? "open" : "closed");
        request.put("status_notes", statusNotes(events));
        request.put("service_name", category == null ? c.categoryCode() : name(category, language));
        request.put("service_code", c.categoryCode());
        request.put("description", c.description());
        request.put("agency_responsible", opd == null ? null : opd.name());
        request.put("service_notice", notice(c, language));
        request.put("requested_datetime", date(c.createdAt()));
        request.put("updated_datetime", date(c.updatedAt()));
        // the fix deadline while an OPD holds it, as fixSecondsLeft shows it
        request.put("expected_datetime", c.isAtOpd() && c.fixDueAt() != null ? date(c.fixDueAt()) : null);
        request.put("address", c.addressText());
        request.put("address_id", null);
        request.put("zipcode", null);
        request.put("lat", c.lat());
        request.put("long", c.lng());
        request.put("media_url", photoList.stream()
                .filter(p -> Photo.EVIDENCE.equals(p.kind()))
                .findFirst()
                // signed like Photo.url (ADR 0032): an Open311 client shows it without our token
                .map(p -> photoUrls.signed(base, p.id(), false))
                .orElse(null));
        return request;
    }

    /** The latest message the city wrote to the resident (a reply, a resolution, a rejection). */
    private static String statusNotes(List<StoredEvent> events) {
        String note = null;
        for (StoredEvent event : events) {
            if (event.visibleToResident() && PUBLIC_NOTES.contains(event.type()) && event.message() != null
                    && !event.message().isBlank()) {
                note = event.message();
            }
        }
        return note;
    }

    private String notice(Complaint complaint, String language) {
        return messages.text(language, "open311.notice", complaint.trackingNumber());
    }

    private static String date(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).atOffset(WIB).format(DATE);
    }


    // ---- shared --------------------------------------------------------------------------------------------------

    /** The caller of api_key, else of the bearer header; Open311's 403 for none or an invalid one. */
    private Mono<Caller> caller(String apiKey, ServerWebExchange exchange) {
        String token = apiKey;
        if (token == null || token.isBlank()) {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                token = header.substring(7);
            }
        }
        if (token == null || token.isBlank()) {
            return Mono.error(Open311Error.apiKey());
        }
        return tokens.caller(token).onErrorMap(ApiException.class, e -> Open311Error.apiKey());
    }

    private void checkJurisdiction(String asked) {
        if (asked != null && !asked.isBlank() && !asked.strip().equalsIgnoreCase(jurisdiction)) {
            throw Open311Error.notFound("open311.jurisdiction", jurisdiction);
        }
    }

    /** The query's parameters (and a form's fields over them), each refused if it holds a control character. */
    private static Map<String, String> fields(MultiValueMap<String, String> form, MultiValueMap<String, String> query) {
        Map<String, String> fields = new LinkedHashMap<>();
        query.forEach((name, values) -> put(fields, name, values));
        if (form != null) {
            form.forEach((name, values) -> put(fields, name, values));
        }
        return fields;
    }

    private static void put(Map<String, String> fields, String name, List<String> values) {
        String value = values == null || values.isEmpty() ? null : values.getFirst();
        if (hasControlCharacter(name) || (value != null && hasControlCharacter(value))) {
            throw Open311Error.badRequest("open311.control-character", printable(name));
        }
        fields.put(name, value);
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(ch -> (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f);
    }

    private static String printable(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 40 ? shown.substring(0, 40) : shown;
    }

    private void checkRequest(ServerWebExchange exchange) {
        checkJurisdiction(fields(null, exchange.getRequest().getQueryParams()).get("jurisdiction_id"));
    }

    private static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The caller's language, as everywhere in the API (docs/adr/0031): the first of id and en it ranks, else id. */
    static String language(ServerWebExchange exchange) {
        return CallerLanguage.of(exchange);
    }

    // juare.public-url, or the request's own address (a trusted proxy's when behind one), as for photo URLs
    private String base(ServerWebExchange exchange) {
        return publicUrl.of(exchange.getRequest().getURI(), exchange.getRequest().getHeaders(),
                Boolean.TRUE.equals(exchange.getAttribute(PublicUrl.VIA_TRUSTED_PROXY)));
    }

    private ResponseEntity<String> answer(String format, String root, Object body) {
        return answer(HttpStatus.OK, format, root, body);
    }

    private ResponseEntity<String> answer(HttpStatus status, String format, String root, Object body) {
        Open311Format f = Objects.requireNonNullElse(Open311Format.of(format), Open311Format.JSON);
        return ResponseEntity.status(status).contentType(f.mediaType()).body(f.write(root, body, json));
    }

    private static Open311Error unknownService() {
        return new Open311Error(HttpStatus.NOT_FOUND, ErrorCode.UNKNOWN_CATEGORY.name(), "open311.service-code-unknown");
    }

    private static Open311Error tooLarge() {
        return new Open311Error(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", "request.too-large", MAX_POST_BYTES / 1024);
    }

    /** Anything else under /open311/v2/ (an unknown path or extension, tokens: Juare answers the id at once). */
    @RequestMapping("/**")
    Mono<ResponseEntity<String>> unknown(ServerWebExchange exchange) {
        return Mono.error(Open311Error.notFound("open311.not-part"));
    }

    // ---- errors in the spec's shape ------------------------------------------------------------------------------

    @ExceptionHandler(Throwable.class)
    ResponseEntity<String> error(Throwable failure, ServerWebExchange exchange) {
        Open311Error error = open311(failure);
        String path = exchange.getRequest().getPath().value();
        String format = path.endsWith(".xml") ? "xml" : "json";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", error.status().value());
        body.put("description", messages.text(language(exchange), error.key(), error.args()));
        body.put("error_code", error.errorCode());
        ResponseEntity<String> answer = answer(error.status(), format, "errors", List.of(body));
        if (error.status() == HttpStatus.CONTENT_TOO_LARGE) {
            // the rest of the body is never read: the connection cannot carry another request
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.CONNECTION, "close").body(answer.getBody());
        }
        return answer;
    }

    private static Open311Error open311(Throwable failure) {
        if (failure instanceof Open311Error error) {
            return error;
        }
        if (failure instanceof UserErrorException user) {
            UserError e = user.error();
            HttpStatus status = switch (e.code()) {
                case UNKNOWN_CATEGORY, NOT_FOUND -> HttpStatus.NOT_FOUND;
                case IDEMPOTENCY_KEY_REUSED -> HttpStatus.CONFLICT;
                case UNAUTHENTICATED, FORBIDDEN -> HttpStatus.FORBIDDEN;
                case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
                default -> HttpStatus.BAD_REQUEST;
            };
            return e.code() == ErrorCode.IDEMPOTENCY_KEY_REUSED
                    ? new Open311Error(status, e.code().name(), "open311.idempotency-key-reused")
                    : e.code() == ErrorCode.UNKNOWN_CATEGORY ? new Open311Error(status, e.code().name(), "open311.service-code-unknown")
                    : new Open311Error(status, e.code().name(), e.key(), e.args().toArray());
        }
        if (failure instanceof ApiException api) {
            return api.code() == ErrorCode.UNAUTHENTICATED || api.code() == ErrorCode.FORBIDDEN ? Open311Error.apiKey()
                    : new Open311Error(HttpStatus.BAD_REQUEST, api.code().name(), api.key(), api.args());
        }
        if (causedBy(failure, org.springframework.core.io.buffer.DataBufferLimitException.class)) {
            return tooLarge();
        }
        if (failure instanceof org.springframework.web.server.ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
            return new Open311Error(code, "INVALID_REQUEST", "open311.unreadable");
        }
        log.error("Open311 request failed", failure);
        return new Open311Error(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "open311.internal");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
