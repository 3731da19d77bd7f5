package id.go.cilegon.juare.demo.internal;

import static id.go.cilegon.juare.demo.internal.DemoTexts.fill;
import static id.go.cilegon.juare.demo.internal.DemoTexts.pick;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.geo.Area;
import id.go.cilegon.juare.geo.GeoIndex;
import id.go.cilegon.juare.geo.Kecamatan;
import id.go.cilegon.juare.geo.Kelurahan;
import id.go.cilegon.juare.staff.StaffRole;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Makes up the demo data, without touching the database: staff, residents, and about four days of complaints
 * ending at {@code now}, each lived through the lifecycle with the habits of its OPD. The same seed and the same
 * now give the same data.
 */
final class DemoScenario {

    static final Duration SPAN = Duration.ofDays(4);
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    private static final int RESIDENTS = 30;
    private static final int TRANSFERS = 2;
    /** Stories every seed tells: Dishub complaints left unanswered for days, and disputed fixes. */
    private static final int IGNORED_BY_DISHUB = 3;
    private static final int DISPUTES = 2;

    /** Roughly the kecamatan's population in thousands: more people, more complaints. */
    private static final Map<String, Integer> POPULATION = Map.of("36.72.01", 64, "36.72.02", 46, "36.72.03", 50,
            "36.72.04", 49, "36.72.05", 68, "36.72.06", 43, "36.72.07", 45, "36.72.08", 76);

    /** The kecamatan offices as OPDs, by kecamatan code. */
    private static final Map<String, String> KECAMATAN_OFFICES = Map.of("36.72.01", "KEC-CIBEBER", "36.72.02", "KEC-CILEGON",
            "36.72.03", "KEC-PULOMERAK", "36.72.04", "KEC-CIWANDAN", "36.72.05", "KEC-JOMBANG", "36.72.06", "KEC-GROGOL",
            "36.72.07", "KEC-PURWAKARTA", "36.72.08", "KEC-CITANGKIL");

    /** How often each category comes in; roads, rubbish, street lights and drains most. */
    private static final Map<String, Integer> CATEGORY_WEIGHTS = orderedWeights("JALAN", 20, "SAMPAH", 18, "PJU", 15,
            "DRAINASE", 13, "LALIN", 7, "POHON", 5, "PENCEMARAN", 3, "KETERTIBAN", 2, "ADMINDUK", 1, "KESEHATAN", 1,
            "SOSIAL", 1, "PENDIDIKAN", 1, "BENCANA", 1, "KEBAKARAN", 1, "PELAYANAN_ASN", 1, "LAINNYA", 1);

    /**
     * How an OPD works, in hours from dispatch: median and spread (log-normal) of the first reply and of the fix,
     * how often it never answers, and how often residents dispute its fixes.
     */
    record Habit(double replyMedian, double replySpread, double neverReply, double fixMedian, double fixSpread,
                 double neverFix, double resolveWithoutReply, double dispute, int[] ratings) {
    }

    private static final Map<String, Habit> HABITS = Map.of(
            // mostly on time, well rated
            "DPUPR", new Habit(3, 0.7, 0, 30, 0.4, 0, 0.1, 0.05, new int[] {5, 5, 5, 4, 4, 4, 3}),
            "DLH", new Habit(6, 0.8, 0.02, 40, 0.45, 0.03, 0.1, 0.1, new int[] {5, 5, 4, 4, 4, 3, 3, 2}),
            // slow: many replies and fixes late, some never
            "DISHUB", new Habit(22, 0.6, 0.15, 80, 0.35, 0.1, 0, 0.15, new int[] {4, 4, 3, 3, 3, 2, 2, 1}));

    enum Kind { NORMAL, SPAM, INCOMPLETE, NOT_CITY_MATTER }

    record StaffSpec(UUID id, String username, String displayName, StaffRole role, String opdCode, String phone, String shift) {
    }

    record ResidentSpec(UUID id, String name, String nik, String phone, Instant createdAt) {
    }

    record Plan(Instant now, List<StaffSpec> staff, List<ResidentSpec> residents, List<DemoComplaint> complaints) {

        /** Every event of every complaint, oldest first, so that the log's ids follow time. */
        List<DemoComplaint.TimedEvent> eventsInOrder() {
            Map<UUID, Integer> sequence = new LinkedHashMap<>();
            complaints.forEach(c -> sequence.put(c.id, c.sequence));
            return complaints.stream()
                    .flatMap(c -> c.events().stream())
                    .sorted(Comparator.comparing(DemoComplaint.TimedEvent::at)
                            .thenComparing(e -> sequence.get(e.event().complaintId()))
                            .thenComparing(DemoComplaint.TimedEvent::order))
                    .toList();
        }
    }

    private record Resident(ResidentSpec spec, String kecamatanCode) {
    }

    private record Place(Area area, double lat, double lng) {
    }

    private final Random random;
    private final Instant now;
    private final AgencyCatalog.Catalog catalog;
    private final GeoIndex geo;
    private final Set<String> trackingNumbers = new HashSet<>();
    private final Map<String, UUID> responders = new LinkedHashMap<>();
    private UUID[] operators;
    private int transfersLeft = TRANSFERS;
    private int ignoredLeft = IGNORED_BY_DISHUB;
    private int disputesLeft = DISPUTES;

    DemoScenario(long seed, Instant now, AgencyCatalog.Catalog catalog, GeoIndex geo) {
        this.random = new Random(seed);
        this.now = now;
        this.catalog = catalog;
        this.geo = geo;
    }

    Plan plan() {
        List<StaffSpec> staff = staff();
        List<Resident> residents = residents();
        List<DemoComplaint> complaints = complaints(residents);
        List<ResidentSpec> residentSpecs = residents.stream()
                .map(r -> withCreatedAt(r.spec(), complaints))
                .toList();
        return new Plan(now, staff, residentSpecs, complaints);
    }

    // ---------- people ----------

    private List<StaffSpec> staff() {
        List<StaffSpec> staff = List.of(
                new StaffSpec(uuid(), "operator", "Rina Marlina (Operator)", StaffRole.OPERATOR, null, null, "PAGI"),
                new StaffSpec(uuid(), "operator2", "Dimas Prasetyo (Operator)", StaffRole.OPERATOR, null, null, "SIANG"),
                new StaffSpec(uuid(), "operator3", "Yusuf Hidayat (Operator)", StaffRole.OPERATOR, null, null, "MALAM"),
                new StaffSpec(uuid(), "dpupr", "Agus Salim (DPUPR)", StaffRole.OPD_RESPONDER, "DPUPR", null, null),
                new StaffSpec(uuid(), "dpupr.kepala", "Ir. Hendra Gunawan (Kepala DPUPR)", StaffRole.OPD_HEAD, "DPUPR",
                        "081120260101", null),
                new StaffSpec(uuid(), "dlh", "Siti Nurjanah (DLH)", StaffRole.OPD_RESPONDER, "DLH", null, null),
                new StaffSpec(uuid(), "dishub", "Bambang Sutrisno (Dishub)", StaffRole.OPD_RESPONDER, "DISHUB", null, null),
                new StaffSpec(uuid(), "walikota", "H. Tubagus Ridwan (Wali Kota)", StaffRole.MAYOR, null, "081120260001", null),
                new StaffSpec(uuid(), "diskominfo", "Fajar Nugroho (Diskominfo)", StaffRole.ADMIN, null, "081120260002", null));
        operators = staff.stream()
                .filter(s -> s.role() == StaffRole.OPERATOR)
                .map(StaffSpec::id)
                .toArray(UUID[]::new);
        staff.stream()
                .filter(s -> s.role() == StaffRole.OPD_RESPONDER)
                .forEach(s -> responders.put(s.opdCode(), s.id()));
        return staff;
    }

    /** Two residents in every kecamatan, the rest where more people live. */
    private List<Resident> residents() {
        List<DemoTexts.Person> people = new ArrayList<>(DemoTexts.RESIDENTS);
        shuffle(people);
        List<String> homes = new ArrayList<>();
        for (Kecamatan k : geo.kecamatan()) {
            homes.add(k.code());
            homes.add(k.code());
        }
        while (homes.size() < RESIDENTS) {
            homes.add(weightedKecamatan());
        }
        Set<String> niks = new HashSet<>();
        Set<String> phones = new HashSet<>();
        List<Resident> residents = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            DemoTexts.Person person = people.get(i);
            String home = homes.get(i);
            String nik = unique(niks, () -> nik(home, person.woman()));
            String phone = unique(phones, this::phone);
            residents.add(new Resident(new ResidentSpec(uuid(), person.name(), nik, phone, null), home));
        }
        return residents;
    }

    /** 3672, the kecamatan, the birth date DDMMYY (women +40 on the day), a serial. */
    private String nik(String kecamatanCode, boolean woman) {
        int day = 1 + random.nextInt(28) + (woman ? 40 : 0);
        int month = 1 + random.nextInt(12);
        int year = 60 + random.nextInt(45);
        return String.format(Locale.ROOT, "3672%s%02d%02d%02d%04d", kecamatanCode.substring(6), day, month, year % 100,
                1 + random.nextInt(2999));
    }

    private String phone() {
        return pick(random, DemoTexts.PHONE_PREFIXES) + String.format(Locale.ROOT, "%08d", 10_000_000 + random.nextInt(90_000_000));
    }

    /** Signed up before the first complaint: some long ago, some just before. */
    private ResidentSpec withCreatedAt(ResidentSpec spec, List<DemoComplaint> complaints) {
        Instant first = complaints.stream()
                .filter(c -> c.residentId.equals(spec.id()))
                .map(c -> c.createdAt)
                .min(Comparator.naturalOrder())
                .orElse(now);
        Duration before = random.nextBoolean() ? minutes(10 + random.nextInt(50)) : Duration.ofDays(1 + random.nextInt(60));
        return new ResidentSpec(spec.id(), spec.name(), spec.nik(), spec.phone(), first.minus(before));
    }

    // ---------- complaints ----------

    private List<DemoComplaint> complaints(List<Resident> residents) {
        int count = 180 + random.nextInt(41);
        List<Kecamatan> kecamatan = geo.kecamatan();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            times.add(creationTime());
        }
        times.sort(Comparator.naturalOrder());
        // every kecamatan gets at least one; spread over the span by taking every n-th time
        List<String> places = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            places.add(weightedKecamatan());
        }
        for (int i = 0; i < kecamatan.size(); i++) {
            places.set(i * (count / kecamatan.size()), kecamatan.get(i).code());
        }
        List<DemoComplaint> complaints = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Kind drawn = kindOf();
            // the oldest is spam, so every seed at every hour shows a rejection (a 2 % draw alone can give none)
            Kind kind = i == 0 ? Kind.SPAM : drawn;
            DemoComplaint complaint = newComplaint(i, times.get(i), places.get(i), residents, kind);
            lifecycle(complaint, kind);
            complaints.add(complaint);
        }
        DemoComplaint duplicate = duplicate(complaints, residents);
        if (duplicate != null) {
            complaints.add(duplicate);
        }
        complaints.sort(Comparator.comparing((DemoComplaint c) -> c.createdAt).thenComparing(c -> c.sequence));
        return complaints;
    }

    /** Uniform over the span, thinned by the hour in WIB: busy mornings and afternoons, quiet nights. */
    private Instant creationTime() {
        long spanSeconds = SPAN.toSeconds();
        while (true) {
            Instant candidate = now.minusSeconds(1 + (long) (random.nextDouble() * (spanSeconds - 1)));
            int hour = candidate.atZone(WIB).getHour();
            double weight = hour < 5 ? 0.12 : hour < 7 ? 0.5 : hour < 12 ? 1.0 : hour < 14 ? 0.8 : hour < 18 ? 0.9 : hour < 22 ? 0.7 : 0.3;
            if (random.nextDouble() < weight) {
                return candidate;
            }
        }
    }

    private Kind kindOf() {
        double r = random.nextDouble();
        return r < 0.02 ? Kind.SPAM : r < 0.035 ? Kind.INCOMPLETE : r < 0.045 ? Kind.NOT_CITY_MATTER : Kind.NORMAL;
    }

    private DemoComplaint newComplaint(int sequence, Instant createdAt, String kecamatanCode, List<Resident> residents, Kind kind) {
        Resident resident = residentFor(kecamatanCode, residents);
        Category category = weightedCategory();
        Kelurahan kelurahan = pick(random, kelurahanOf(kecamatanCode));
        Place place = placeIn(kelurahan);
        String text = switch (kind) {
            case SPAM -> pick(random, DemoTexts.SPAM);
            case INCOMPLETE -> pick(random, DemoTexts.INCOMPLETE);
            case NOT_CITY_MATTER -> pick(random, DemoTexts.NOT_CITY_MATTER);
            case NORMAL -> null;
        };
        return describe(sequence, createdAt, resident.spec().id(), category, place, text, kind == Kind.NORMAL);
    }

    /** A description, title and address made from the category's templates and the place's streets. */
    private DemoComplaint describe(int sequence, Instant createdAt, UUID residentId, Category category, Place place,
                                   String templateOverride, boolean titled) {
        String kecamatanName = place.area().kecamatan().name();
        String kelurahanName = place.area().kelurahan().name();
        String street = pick(random, DemoTexts.STREETS.getOrDefault(place.area().kecamatan().code(), DemoTexts.FALLBACK_STREETS));
        String landmark = fill(pick(random, DemoTexts.LANDMARKS), street, "", kelurahanName, kecamatanName);
        String template = templateOverride != null ? templateOverride
                : pick(random, DemoTexts.DESCRIPTIONS.getOrDefault(category.code(), DemoTexts.DESCRIPTIONS.get("LAINNYA")));
        String description = fill(template, street, landmark, kelurahanName, kecamatanName);
        String titleTemplate = DemoTexts.TITLES.get(category.code());
        String title = titled && titleTemplate != null && random.nextDouble() < 0.8
                ? fill(titleTemplate, street, landmark, kelurahanName, kecamatanName)
                : null;
        String address = random.nextDouble() < 0.7
                ? street + " No. " + (1 + random.nextInt(120)) + ", Kel. " + kelurahanName + ", Kec. " + kecamatanName
                : null;
        return new DemoComplaint(uuid(), trackingNumber(), residentId, uuid().toString(), category.code(), title, description,
                place.lat(), place.lng(), place.area().kecamatan().code(), place.area().kelurahan().code(), address,
                category.confidentialByDefault(), createdAt, sequence);
    }

    /** Mostly someone who lives in that kecamatan. */
    private Resident residentFor(String kecamatanCode, List<Resident> residents) {
        List<Resident> locals = residents.stream()
                .filter(r -> r.kecamatanCode().equals(kecamatanCode))
                .toList();
        return !locals.isEmpty() && random.nextDouble() < 0.8 ? pick(random, locals) : pick(random, residents);
    }

    private List<Kelurahan> kelurahanOf(String kecamatanCode) {
        return geo.kelurahan().stream()
                .filter(k -> k.kecamatanCode().equals(kecamatanCode))
                .toList();
    }

    /** A random point around the kelurahan's centroid that the city map really places in that kelurahan. */
    private Place placeIn(Kelurahan kelurahan) {
        double spread = 0.004;
        for (int attempt = 0; attempt < 60; attempt++) {
            if (attempt > 0 && attempt % 15 == 0) {
                spread /= 2;
            }
            double lat = round(kelurahan.centroid().lat() + random.nextGaussian() * spread);
            double lng = round(kelurahan.centroid().lng() + random.nextGaussian() * spread);
            Optional<Area> area = geo.locate(lat, lng);
            if (area.isPresent() && area.get().kelurahan().code().equals(kelurahan.code())) {
                return new Place(area.get(), lat, lng);
            }
        }
        // a thin kelurahan: wherever its centroid falls
        Area area = geo.locate(kelurahan.centroid().lat(), kelurahan.centroid().lng()).orElseThrow();
        return new Place(area, kelurahan.centroid().lat(), kelurahan.centroid().lng());
    }

    /** One resident reports again what another reported hours before; the operator marks it a duplicate. */
    private DemoComplaint duplicate(List<DemoComplaint> complaints, List<Resident> residents) {
        DemoComplaint original = complaints.stream()
                .filter(c -> c.categoryCode.equals("JALAN") || c.categoryCode.equals("SAMPAH"))
                .filter(c -> c.dispatchedAt != null)
                .filter(c -> c.createdAt.isAfter(now.minus(Duration.ofHours(72))) && c.createdAt.isBefore(now.minus(Duration.ofHours(20))))
                .findFirst()
                .orElse(null);
        if (original == null) {
            return null;
        }
        Resident resident = residents.stream()
                .filter(r -> !r.spec().id().equals(original.residentId))
                .filter(r -> r.kecamatanCode().equals(original.kecamatanCode))
                .findFirst()
                .orElseGet(() -> pick(random, residents));
        double lat = round(original.lat + random.nextGaussian() * 0.0002);
        double lng = round(original.lng + random.nextGaussian() * 0.0002);
        Place place = geo.locate(lat, lng)
                .map(area -> new Place(area, lat, lng))
                .orElseGet(() -> new Place(geo.locate(original.lat, original.lng).orElseThrow(), original.lat, original.lng));
        Instant createdAt = original.createdAt.plus(minutes(180 + random.nextInt(420)));
        DemoComplaint duplicate = describe(complaints.size(), createdAt, resident.spec().id(),
                catalog.categories().get(original.categoryCode), place, pick(random, DemoTexts.DUPLICATE_DESCRIPTIONS), true);
        duplicate.submitted();
        Instant triage = createdAt.plus(minutes(30 + random.nextInt(90)));
        duplicate.markedDuplicate(triage, operatorAt(triage), original);
        return duplicate;
    }

    // ---------- the lifecycle ----------

    private void lifecycle(DemoComplaint c, Kind kind) {
        c.submitted();
        Instant triage = c.createdAt.plus(triageDelay(c.createdAt));
        // the operators are behind: part of the last hours' complaints still wait in the intake queue
        boolean backlog = c.createdAt.isAfter(now.minus(Duration.ofHours(12))) && random.nextDouble() < 0.55;
        if (backlog || !triage.isBefore(now)) {
            return;
        }
        UUID operator = operatorAt(triage);
        switch (kind) {
            case SPAM, INCOMPLETE, NOT_CITY_MATTER -> reject(c, triage, operator, kind);
            default -> dispatch(c, triage, operator);
        }
    }

    /** Operators answer within the hour by day, slower at night with one on shift. */
    private Duration triageDelay(Instant created) {
        int hour = created.atZone(WIB).getHour();
        boolean night = hour >= 22 || hour < 6;
        return minutes(Math.clamp((long) logNormal(night ? 150 : 40, night ? 0.6 : 0.7), 3, 8 * 60));
    }

    private void reject(DemoComplaint c, Instant at, UUID operator, Kind kind) {
        String reason = kind.name();
        c.rejected(at, operator, reason, DemoTexts.REJECT_MESSAGES.get(reason), DemoTexts.REJECT_NOTES.get(reason));
    }

    private void dispatch(DemoComplaint c, Instant at, UUID operator) {
        Category category = catalog.categories().get(c.categoryCode);
        Opd opd = opdFor(category, c.kecamatanCode);
        String note = random.nextDouble() < 0.25 ? pick(random, DemoTexts.DISPATCH_NOTES) : null;
        c.dispatched(at, operator, opd, category, note, markDelay(), markDelay());
        UUID responder = responders.get(opd.code());
        if (responder == null) {
            // OPDs without a demo account have not answered yet
            clocks(c, now);
            return;
        }
        Habit habit = HABITS.get(opd.code());
        if (transferWanted(c, opd)) {
            requestTransfer(c, responder);
            return;
        }
        work(c, category, habit, responder);
    }

    /** Category with a default OPD goes there; "other" to the kecamatan's office. */
    private Opd opdFor(Category category, String kecamatanCode) {
        String code = category.defaultOpdCode() != null ? category.defaultOpdCode() : KECAMATAN_OFFICES.get(kecamatanCode);
        Opd opd = code == null ? null : catalog.opds().get(code);
        return opd != null && opd.active() ? opd : catalog.opds().get("DPUPR");
    }

    /** A couple of recent complaints that DLH or DISHUB say belong elsewhere, waiting for an operator. */
    private boolean transferWanted(DemoComplaint c, Opd opd) {
        boolean fits = DemoTexts.TRANSFER_REASONS.containsKey(c.categoryCode) && (opd.code().equals("DLH") || opd.code().equals("DISHUB"));
        boolean recent = c.dispatchedAt.isAfter(now.minus(Duration.ofHours(30))) && c.dispatchedAt.isBefore(now.minus(Duration.ofHours(6)));
        if (transfersLeft > 0 && fits && recent) {
            transfersLeft--;
            return true;
        }
        return false;
    }

    private void requestTransfer(DemoComplaint c, UUID responder) {
        Instant at = c.dispatchedAt.plus(minutes(60 + random.nextInt(240)));
        clocks(c, at);
        c.transferRequested(at, responder, DemoTexts.TRANSFER_REASONS.get(c.categoryCode));
        clocks(c, now);
    }

    /** The OPD replies and fixes by its habits; the resident then confirms, disputes or stays silent. */
    private void work(DemoComplaint c, Category category, Habit habit, UUID responder) {
        boolean replies = random.nextDouble() >= habit.neverReply() && !ignored(c);
        boolean skipsReply = random.nextDouble() < habit.resolveWithoutReply();
        boolean fixes = replies && random.nextDouble() >= habit.neverFix();
        Instant replyAt = c.dispatchedAt.plus(minutes(Math.max(15, (long) (logNormal(habit.replyMedian(), habit.replySpread()) * 60))));
        // a quick job is fixed before anyone writes back: the resolution answers the resident
        double fixHours = skipsReply ? logNormal(habit.replyMedian() * 2, 0.4) : logNormal(habit.fixMedian(), habit.fixSpread());
        Instant fixAt = c.dispatchedAt.plus(minutes(Math.max(30, (long) (fixHours * 60))));
        if (!replies) {
            clocks(c, now);
            return;
        }
        if (!skipsReply) {
            if (!act(c, replyAt)) {
                return;
            }
            c.replied(replyAt, responder, texts(DemoTexts.REPLIES, DemoTexts.REPLY_FALLBACK, c));
            fixAt = later(fixAt, replyAt.plus(Duration.ofHours(1)));
        }
        if (!fixes || !act(c, fixAt)) {
            clocks(c, now);
            return;
        }
        c.resolved(fixAt, responder, texts(DemoTexts.RESOLUTIONS, DemoTexts.RESOLUTION_FALLBACK, c));
        answer(c, category, habit, responder);
    }

    /** The oldest few of Dishub's complaints get no answer at all: both clocks run out. */
    private boolean ignored(DemoComplaint c) {
        if (ignoredLeft > 0 && c.opdCode.equals("DISHUB") && c.dispatchedAt.isBefore(now.minus(Duration.ofHours(73)))) {
            ignoredLeft--;
            return true;
        }
        return false;
    }

    private void answer(DemoComplaint c, Category category, Habit habit, UUID responder) {
        if (random.nextDouble() < 0.12) {
            // some residents never answer: the resolution closes by itself after the waiting period
            return;
        }
        Instant at = c.resolvedAt.plus(minutes(Math.max(10, (long) (logNormal(6, 1.0) * 60))));
        if (!at.isBefore(now)) {
            return;
        }
        boolean told = disputesLeft > 0 && !c.opdCode.equals("DPUPR");
        if (told || random.nextDouble() < habit.dispute()) {
            if (told) {
                disputesLeft--;
            }
            c.disputed(at, DemoTexts.DISPUTES.getOrDefault(c.categoryCode, DemoTexts.DISPUTE_FALLBACK), markDelay());
            Instant again = at.plus(minutes(60 + random.nextInt(300)));
            if (!told && random.nextBoolean() && act(c, again)) {
                c.replied(again, responder, DemoTexts.REPLY_AFTER_DISPUTE);
            }
            clocks(c, now);
            return;
        }
        int rating = habit.ratings()[random.nextInt(habit.ratings().length)];
        if (c.fixOverdueAt != null) {
            rating = Math.max(1, rating - 1);
        }
        String comment = random.nextDouble() < 0.6 ? pick(random, DemoTexts.COMMENTS.get(rating)) : null;
        c.confirmed(at, rating, comment);
    }

    /** Runs the clocks up to an action; false (after running them up to now) if the action is still to come. */
    private boolean act(DemoComplaint c, Instant at) {
        if (!at.isBefore(now)) {
            clocks(c, now);
            return false;
        }
        clocks(c, at);
        return true;
    }

    /** The clock job's marks before {@code until}, with an operator chasing some late replies. */
    private void clocks(DemoComplaint c, Instant until) {
        DemoComplaint.Breach breach;
        while ((breach = c.nextBreachBefore(until)) != null) {
            c.overdue(breach);
            if (breach.type() == EventType.REPLY_OVERDUE && random.nextDouble() < 0.35) {
                Instant noteAt = breach.at().plus(minutes(20 + random.nextInt(100)));
                Instant nextFixMark = c.fixDueAt;
                if (noteAt.isBefore(until) && noteAt.isBefore(nextFixMark)) {
                    c.internalNote(noteAt, operatorAt(noteAt), pick(random, DemoTexts.OVERDUE_NOTES));
                }
            }
        }
    }

    /** The operator on shift: PAGI 06–14, SIANG 14–22, MALAM 22–06 WIB. */
    private UUID operatorAt(Instant at) {
        int hour = at.atZone(WIB).getHour();
        return hour >= 6 && hour < 14 ? operators[0] : hour >= 14 && hour < 22 ? operators[1] : operators[2];
    }

    private String texts(Map<String, String> byCategory, String fallback, DemoComplaint c) {
        String kecamatan = geo.kecamatan(c.kecamatanCode).name();
        return byCategory.getOrDefault(c.categoryCode, fallback).replace("{kecamatan}", kecamatan);
    }

    // ---------- randomness ----------

    /** The clock job runs every minute. */
    private Duration markDelay() {
        return Duration.ofSeconds(5 + random.nextInt(55));
    }

    private double logNormal(double median, double spread) {
        return median * Math.exp(spread * random.nextGaussian());
    }

    private String weightedKecamatan() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        geo.kecamatan().forEach(k -> weights.put(k.code(), POPULATION.getOrDefault(k.code(), 40)));
        return weighted(weights);
    }

    /** A category by weight, among those the catalog has and keeps active. */
    private Category weightedCategory() {
        Map<String, Integer> available = new LinkedHashMap<>();
        CATEGORY_WEIGHTS.forEach((code, weight) -> {
            Category category = catalog.categories().get(code);
            if (category != null && category.active()) {
                available.put(code, weight);
            }
        });
        return catalog.categories().get(weighted(available));
    }

    private String weighted(Map<String, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (var entry : weights.entrySet()) {
            r -= entry.getValue();
            if (r < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("no weights");
    }

    private String trackingNumber() {
        return unique(trackingNumbers, () -> {
            StringBuilder number = new StringBuilder(8);
            for (int i = 0; i < 7; i++) {
                if (i == 3) {
                    number.append('-');
                }
                number.append(TRACKING_ALPHABET.charAt(random.nextInt(TRACKING_ALPHABET.length())));
            }
            return number.toString();
        });
    }

    /** A version 4 UUID from the seeded random, so the same seed gives the same ids. */
    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = items.get(i);
            items.set(i, items.get(j));
            items.set(j, swap);
        }
    }

    private static String unique(Set<String> taken, java.util.function.Supplier<String> next) {
        String value;
        do {
            value = next.get();
        } while (!taken.add(value));
        return value;
    }

    private static Map<String, Integer> orderedWeights(Object... pairs) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            weights.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return weights;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    /** Six decimals: about 10 cm, as a phone reports. */
    private static double round(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
