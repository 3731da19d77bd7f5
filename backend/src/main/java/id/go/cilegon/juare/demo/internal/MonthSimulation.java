package id.go.cilegon.juare.demo.internal;

import id.go.cilegon.juare.agency.AgencyCatalog;
import id.go.cilegon.juare.agency.Category;
import id.go.cilegon.juare.agency.Opd;
import id.go.cilegon.juare.event.EventType;
import id.go.cilegon.juare.geo.GeoIndex;
import id.go.cilegon.juare.geo.Kelurahan;
import id.go.cilegon.juare.graphql.ReplyRule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A simulated stretch of days, without touching the database. Each complaint lives through the lifecycle by
 * {@link DemoComplaint} (the same columns and events as LifecycleService), with the habits of the OPD that has it:
 * <ul>
 *   <li>DPUPR is fast: replies in about 2 hours, fixes in about a day, few disputes;</li>
 *   <li>DISHUB is slow: replies after about a day, fixes late, sometimes never; and games the breach rules: when its
 *       reply clock has run out it often asks for a transfer instead of answering, repeats the request with a new
 *       reason when an operator declines, and a tired operator reroutes it as "misrouted" (ADR 0022: a hand-back after
 *       the reply deadline is not excused, so the late marks stay DISHUB's);</li>
 *   <li>DLH games the clock: tries a token reply at once (refused by the lifecycle, so it writes nothing), then sends
 *       one boilerplate answer within the hour (a template from its second use on, ADR 0018: it does not stop the reply
 *       clock) and "resolves" within half a day with the resident's own photo sent back as the after-photo; residents
 *       dispute many of those, and those left unanswered close by themselves but wait for an operator, who reopens
 *       them (ADR 0021);</li>
 *   <li>the others work at an average pace.</li>
 * </ul>
 * Some complaints go to the wrong OPD first and come back through a transfer request that an operator agrees to
 * (REROUTED with misrouted=true). Residents confirm with a rating, dispute, or stay silent (auto-close after 5 days; an operator checks a tenth
 * of those, as juare.verification.sample-share).
 */
final class MonthSimulation {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    /** Residents who file the simulated complaints. */
    private static final int RESIDENTS = 60;
    /** As the lifecycle: the resident has this long to answer a resolution (juare.clocks.auto-close-after). */
    private static final Duration AUTO_CLOSE_AFTER = Duration.ofDays(5);
    /** As the lifecycle (juare.lifecycle.min-reply-characters): fewer letters or digits are refused. */
    private static final int MIN_REPLY_CHARACTERS = ReplyRule.DEFAULT_MIN_CHARACTERS;
    private static final double MISROUTED = 0.05;
    private static final double SPAM = 0.04;
    /** As the lifecycle (juare.verification.sample-share): the share of other auto-closures an operator checks. */
    private static final double SAMPLE_SHARE = 0.1;

    /** Roughly the kecamatan's population in thousands (as the demo): more people, more complaints. */
    private static final Map<String, Integer> POPULATION = Map.of("36.72.01", 64, "36.72.02", 46, "36.72.03", 50,
            "36.72.04", 49, "36.72.05", 68, "36.72.06", 43, "36.72.07", 45, "36.72.08", 76);
    private static final Map<String, String> KECAMATAN_OFFICES = Map.of("36.72.01", "KEC-CIBEBER", "36.72.02", "KEC-CILEGON",
            "36.72.03", "KEC-PULOMERAK", "36.72.04", "KEC-CIWANDAN", "36.72.05", "KEC-JOMBANG", "36.72.06", "KEC-GROGOL",
            "36.72.07", "KEC-PURWAKARTA", "36.72.08", "KEC-CITANGKIL");

    /** How often each category comes in (public-works categories most). */
    private static final Map<String, Integer> CATEGORY_WEIGHTS = weights("JALAN", 20, "SAMPAH", 18, "PJU", 15, "DRAINASE", 13,
            "LALIN", 7, "POHON", 5, "PENCEMARAN", 3, "KETERTIBAN", 3, "ADMINDUK", 2, "KESEHATAN", 2, "SOSIAL", 2,
            "PENDIDIKAN", 2, "BENCANA", 1, "KEBAKARAN", 1, "LAINNYA", 4);

    /** Hours from receipt (log-normal medians and spreads), and how often things do not happen. */
    /** ... and {@code dumpsWhenLate}: how often, with its reply clock run out, it asks for a transfer instead of answering. */
    record Habit(double replyMedian, double replySpread, double neverReply, boolean gamesTheClock, double fixMedian,
                 double fixSpread, double neverFix, double dispute, double silent, int[] ratings, double dumpsWhenLate) {
    }

    private static final Habit AVERAGE = new Habit(10, 0.8, 0.05, false, 50, 0.5, 0.05, 0.12, 0.15, new int[] {5, 4, 4, 3, 3, 2}, 0);
    private static final Map<String, Habit> HABITS = Map.of(
            "DPUPR", new Habit(2, 0.6, 0, false, 24, 0.4, 0.01, 0.05, 0.1, new int[] {5, 5, 5, 4, 4, 3}, 0),
            "DISHUB", new Habit(26, 0.6, 0.15, false, 90, 0.4, 0.15, 0.15, 0.2, new int[] {4, 3, 3, 2, 2, 1}, 0.6),
            "DLH", new Habit(0.4, 0.5, 0, true, 10, 0.5, 0.02, 0.45, 0.3, new int[] {4, 3, 2, 2, 1}, 0));
    /** As the lifecycle (juare.lifecycle.template-window-days): a text the OPD sent to another complaint this recently is a template. */
    private static final Duration TEMPLATE_WINDOW = Duration.ofDays(30);

    private static final String BOILERPLATE = "Laporan Anda sudah kami terima dan segera kami tindak lanjuti.";
    /** What an honest reply is made of: it names the complaint's own place and plan, so no two read the same. */
    private static final List<String> OFFICERS = List.of("Pak Ahmad", "Bu Siti", "Pak Budi", "Bu Rina", "Pak Hendra", "Bu Dewi",
            "Pak Joko", "Bu Lestari", "Pak Rudi", "Bu Wati", "Pak Agus", "Bu Yuni", "Pak Dedi", "Bu Ratna", "Pak Eko", "Bu Fitri",
            "Pak Iwan", "Bu Nur", "Pak Slamet", "Bu Tuti");
    private static final List<String> PLANS = List.of("meninjau lokasi", "mengukur kerusakan", "memotret kondisi terkini",
            "berkoordinasi dengan ketua RT", "menyiapkan material", "menjadwalkan regu kerja");
    private static final List<String> WEEKDAYS = List.of("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu");
    private static final String TOKEN = "ok siap";

    record Plan(String prefix, List<DemoScenario.ResidentSpec> residents, List<DemoComplaint> complaints) {

        /** Every event, oldest first, so that the log's ids follow time. */
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

    private final Random random;
    private final long seed;
    private final LocalDate firstDay;
    private final int days;
    private final int perDay;
    private final Instant until;
    private final AgencyCatalog.Catalog catalog;
    private final GeoIndex geo;
    private final UUID operator;
    private final Map<String, UUID> responders = new LinkedHashMap<>();
    /** Each OPD's replies so far, by fingerprint: the complaint and when (ReplyRule's template rule, ADR 0018). */
    private final Map<String, Map<String, List<Map.Entry<UUID, Instant>>>> repliesByOpd = new LinkedHashMap<>();

    MonthSimulation(long seed, LocalDate firstDay, int days, int perDay, Instant until, AgencyCatalog.Catalog catalog, GeoIndex geo) {
        this.random = new Random(seed);
        this.seed = seed;
        this.firstDay = firstDay;
        this.days = days;
        this.perDay = perDay;
        this.until = until;
        this.catalog = catalog;
        this.geo = geo;
        this.operator = uuid();
    }

    Plan plan() {
        String prefix = "SIM" + Long.toString(Math.abs(seed) % 1_000_000, 36).toUpperCase() + "-";
        List<DemoScenario.ResidentSpec> residents = new ArrayList<>();
        Instant residentsSince = firstDay.atStartOfDay(WIB).toInstant().minus(Duration.ofDays(30));
        for (int i = 0; i < RESIDENTS; i++) {
            residents.add(new DemoScenario.ResidentSpec(uuid(), "Warga Simulasi " + (i + 1), nik(), phone(), residentsSince));
        }
        List<DemoComplaint> complaints = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            Instant midnight = firstDay.plusDays(day).atStartOfDay(WIB).toInstant();
            // about perDay, give or take a third
            int count = Math.max(1, (int) Math.round(perDay * (0.67 + 0.66 * random.nextDouble())));
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                times.add(midnight.plus(Duration.ofSeconds(daySecond())));
            }
            times.sort(Comparator.naturalOrder());
            for (Instant filed : times) {
                if (!filed.isBefore(until)) {
                    continue;
                }
                DemoComplaint c = newComplaint(prefix, complaints.size(), filed, residents);
                complaints.add(c);
                lifecycle(c);
            }
        }
        return new Plan(prefix, residents, complaints);
    }

    /** More by day than at night: a second of the WIB day. */
    private long daySecond() {
        double hour = random.nextDouble() < 0.8 ? 7 + random.nextDouble() * 14 : random.nextDouble() * 24;
        return (long) (hour * 3600);
    }

    private DemoComplaint newComplaint(String prefix, int sequence, Instant filed, List<DemoScenario.ResidentSpec> residents) {
        String kecamatan = weighted(POPULATION);
        List<Kelurahan> kelurahan = geo.kelurahan().stream().filter(k -> k.kecamatanCode().equals(kecamatan)).toList();
        Kelurahan place = kelurahan.get(random.nextInt(kelurahan.size()));
        Category category = catalog.categories().get(weighted(CATEGORY_WEIGHTS));
        String tracking = prefix + sequence;
        return new DemoComplaint(uuid(), tracking, residents.get(random.nextInt(residents.size())).id(), tracking,
                category.code(), category.nameId(), category.nameId() + " di Kelurahan " + place.name() + ", mohon segera ditangani.",
                place.centroid().lat() + (random.nextDouble() - 0.5) * 0.004, place.centroid().lng() + (random.nextDouble() - 0.5) * 0.004,
                kecamatan, place.code(), null, category.confidentialByDefault(), filed, sequence);
    }

    // ---------- the lifecycle ----------

    private void lifecycle(DemoComplaint c) {
        c.submitted();
        Instant triage = c.createdAt.plus(minutes(Math.clamp((long) logNormal(40, 0.7), 3, 8 * 60)));
        if (!act(c, triage)) {
            return;
        }
        if (random.nextDouble() < SPAM) {
            c.rejected(triage, operator, "SPAM", "Pengaduan tidak dapat diproses karena bukan keluhan.", null);
            return;
        }
        Category category = catalog.categories().get(c.categoryCode);
        Opd right = opdFor(category, c.kecamatanCode);
        if (random.nextDouble() < MISROUTED) {
            Opd wrong = wrongOpd(right);
            c.dispatched(triage, operator, wrong, category, null, markDelay(), markDelay());
            // the wrong OPD hands it back; an operator agrees and sends it on: the wait is not held against the first
            Instant request = triage.plus(minutes((long) (logNormal(3, 0.6) * 60)));
            if (!act(c, request)) {
                return;
            }
            c.transferRequested(request, responder(wrong), "Bukan kewenangan kami, mohon dialihkan ke OPD terkait.");
            Instant reroute = request.plus(minutes((long) (logNormal(1, 0.6) * 60)));
            if (!act(c, reroute)) {
                return;
            }
            c.rerouted(reroute, operator, right, category, true, markDelay(), markDelay());
        } else {
            c.dispatched(triage, operator, right, category, null, markDelay(), markDelay());
        }
        work(c, category, HABITS.getOrDefault(right.code(), AVERAGE), responder(right));
    }

    private void work(DemoComplaint c, Category category, Habit habit, UUID responder) {
        Instant received = c.dispatchedAt;
        boolean replies = random.nextDouble() >= habit.neverReply();
        boolean fixes = random.nextDouble() >= habit.neverFix();
        if (habit.gamesTheClock() && !refused(TOKEN)) {
            throw new IllegalStateException("a token reply must be refused");
        }
        Instant replyAt = received.plus(minutes(Math.max(5, (long) (logNormal(habit.replyMedian(), habit.replySpread()) * 60))));
        String reply = habit.gamesTheClock() ? BOILERPLATE : ownReply(c, category, replyAt);
        if (replies && habit.dumpsWhenLate() > 0 && replyAt.isAfter(c.replyDueAt) && random.nextDouble() < habit.dumpsWhenLate()) {
            handBackLate(c, category);
            return;
        }
        if (replies) {
            if (!act(c, replyAt)) {
                return;
            }
            c.replied(replyAt, responder, checked(reply), template(c, reply, replyAt));
        }
        if (!fixes) {
            act(c, until);
            return;
        }
        Instant fixAt = received.plus(minutes(Math.max(30, (long) (logNormal(habit.fixMedian(), habit.fixSpread()) * 60))));
        fixAt = later(fixAt, c.lastEventAt().plus(Duration.ofMinutes(30)));
        if (!act(c, fixAt)) {
            return;
        }
        String note = habit.gamesTheClock() ? "Sudah ditangani petugas di lapangan, terlampir foto hasilnya." : ownNote(c, fixAt);
        c.resolvedWithPhoto(fixAt, responder, checked(note), template(c, note, fixAt));
        answer(c, category, habit, responder, true);
    }

    /**
     * The late OPD's move: with its reply clock run out it asks for a transfer; an operator declines half of those, the
     * OPD asks again with another reason (the same one would be refused), and a tired operator reroutes it as
     * misrouted. ADR 0022 does not excuse it (the hand-back came after the reply deadline); the next OPD works it.
     */
    private void handBackLate(DemoComplaint c, Category category) {
        String opd = c.opdCode;
        Instant request = c.replyDueAt.plus(minutes(Math.max(10, (long) (logNormal(4, 0.6) * 60))));
        if (!act(c, request)) {
            return;
        }
        c.transferRequested(request, responder(catalog.opds().get(opd)), "Bukan kewenangan kami, mohon dialihkan ke OPD terkait.");
        Instant decision = request.plus(minutes(Math.max(10, (long) (logNormal(1, 0.6) * 60))));
        if (!act(c, decision)) {
            return;
        }
        if (random.nextBoolean()) {
            c.transferDeclined(decision, operator, "Lokasi ini masih wilayah tugas OPD Anda, mohon ditindaklanjuti.");
            Instant again = decision.plus(minutes(Math.max(10, (long) (logNormal(6, 0.6) * 60))));
            if (!act(c, again)) {
                return;
            }
            c.transferRequested(again, responder(catalog.opds().get(opd)), "Anggaran kami untuk pekerjaan ini sudah habis tahun ini.");
            decision = again.plus(minutes(Math.max(10, (long) (logNormal(1, 0.6) * 60))));
            if (!act(c, decision)) {
                return;
            }
        }
        Opd next = wrongOpd(catalog.opds().get(opd));
        c.rerouted(decision, operator, next, category, true, markDelay(), markDelay());
        work(c, category, AVERAGE, responder(next));
    }

    /** An honest resolution note: what was done, where, by whom. */
    private String ownNote(DemoComplaint c, Instant at) {
        return "Sudah ditangani di Kelurahan " + place(c) + " oleh " + OFFICERS.get(random.nextInt(OFFICERS.size()))
                + " hari " + WEEKDAYS.get(at.atZone(WIB).getDayOfWeek().getValue() - 1) + " setelah "
                + PLANS.get(random.nextInt(PLANS.size())) + "; terlampir foto hasilnya.";
    }

    private String place(DemoComplaint c) {
        return geo.kelurahan().stream().filter(k -> k.code().equals(c.kelurahanCode)).map(Kelurahan::name).findFirst().orElse("lokasi");
    }

    /** An honest first reply: its own place, officer, plan and day. */
    private String ownReply(DemoComplaint c, Category category, Instant at) {
        String place = place(c);
        String day = WEEKDAYS.get(at.atZone(WIB).getDayOfWeek().getValue() - 1);
        return "Terima kasih. Laporan " + category.nameId() + " di Kelurahan " + place + " sudah kami terima; "
                + OFFICERS.get(random.nextInt(OFFICERS.size())) + " dari tim lapangan akan " + PLANS.get(random.nextInt(PLANS.size()))
                + " hari " + day + ".";
    }

    /**
     * ReplyRule's decision as the lifecycle makes it: mostly a repeated token, or the same text as the OPD's reply to
     * another complaint in the window before. (The simulation writes complaint by complaint, so "before" is among the
     * replies written so far: for replies sent within the hour of receipt, as the boilerplate ones are, that is the
     * order of time.)
     */
    private boolean template(DemoComplaint c, String text, Instant at) {
        String fingerprint = ReplyRule.fingerprint(text);
        List<Map.Entry<UUID, Instant>> uses = repliesByOpd.computeIfAbsent(c.opdCode, k -> new LinkedHashMap<>())
                .computeIfAbsent(fingerprint, k -> new ArrayList<>());
        boolean template = ReplyRule.repetitive(text, MIN_REPLY_CHARACTERS) || uses.stream()
                .anyMatch(use -> !use.getKey().equals(c.id) && use.getValue().isBefore(at) && !use.getValue().isBefore(at.minus(TEMPLATE_WINDOW)));
        uses.add(Map.entry(c.id, at));
        return template;
    }

    /**
     * The clock job's auto-closure and the operators' check (ADR 0021): DLH's first resolution sends the resident's own
     * photo back ("TL asal"), so it always waits for an operator, who reopens it as not really fixed (a dispute: the OPD
     * works it again); of the others a random share is checked and verified.
     */
    private void autoClosed(DemoComplaint c, Category category, Habit habit, UUID responder, boolean firstFix, Instant closes) {
        boolean samePhoto = habit.gamesTheClock() && firstFix;
        boolean sampled = !samePhoto && random.nextDouble() < SAMPLE_SHARE;
        c.autoClosed(closes, samePhoto ? "SAME_PHOTO" : sampled ? "SAMPLED" : null);
        if (!samePhoto && !sampled) {
            return;
        }
        Instant checked = closes.plus(minutes(Math.max(20, (long) (logNormal(6, 0.8) * 60))));
        if (!act(c, checked)) {
            return;
        }
        if (!samePhoto) {
            c.fixVerified(checked, operator);
            return;
        }
        c.fixRejected(checked, operator, "Foto sesudah sama dengan foto kiriman warga: belum dikerjakan.", markDelay());
        Instant again = checked.plus(minutes(Math.max(60, (long) (logNormal(habit.fixMedian() * 2, 0.5) * 60))));
        if (!act(c, again)) {
            return;
        }
        String note = "Sudah diperbaiki ulang oleh petugas, terlampir foto hasilnya.";
        c.resolvedWithPhoto(again, responder, checked(note), template(c, note, again));
        answer(c, category, habit, responder, false);
    }

    /** The resident confirms, disputes (once: the OPD fixes again) or stays silent. */
    private void answer(DemoComplaint c, Category category, Habit habit, UUID responder, boolean mayDispute) {
        if (random.nextDouble() < habit.silent()) {
            Instant closes = c.resolvedAt.plus(AUTO_CLOSE_AFTER).plus(Duration.ofSeconds(5 + random.nextInt(55)));
            if (act(c, closes)) {
                autoClosed(c, category, habit, responder, mayDispute, closes);
            }
            return;
        }
        Instant at = c.resolvedAt.plus(minutes(Math.max(10, (long) (logNormal(8, 1.0) * 60))));
        if (!act(c, at)) {
            return;
        }
        if (mayDispute && random.nextDouble() < habit.dispute()) {
            c.disputed(at, "Belum diperbaiki dengan benar, masalahnya masih ada.", markDelay());
            Instant again = at.plus(minutes(Math.max(60, (long) (logNormal(habit.fixMedian() * 2, 0.5) * 60))));
            if (!act(c, again)) {
                return;
            }
            String note = habit.gamesTheClock() ? "Sudah diperbaiki ulang oleh petugas, terlampir foto hasilnya." : ownNote(c, again);
            c.resolvedWithPhoto(again, responder, checked(note), template(c, note, again));
            answer(c, category, habit, responder, false);
            return;
        }
        int rating = habit.ratings()[random.nextInt(habit.ratings().length)];
        c.confirmed(at, c.fixOverdueAt != null ? Math.max(1, rating - 1) : rating, null);
    }

    /** Runs the clock job's marks up to {@code at}; false (marks run up to the end) if {@code at} is past the end. */
    private boolean act(DemoComplaint c, Instant at) {
        Instant limit = at.isBefore(until) ? at : until;
        DemoComplaint.Breach breach;
        while ((breach = c.nextBreachBefore(limit)) != null) {
            c.overdue(breach);
        }
        return at.isBefore(until);
    }

    private static boolean refused(String reply) {
        return ReplyRule.tooShort(reply, MIN_REPLY_CHARACTERS);
    }

    private static String checked(String reply) {
        if (refused(reply)) {
            throw new IllegalStateException("the lifecycle would refuse this reply: " + reply);
        }
        return reply;
    }

    private Opd opdFor(Category category, String kecamatanCode) {
        String code = category.defaultOpdCode() != null ? category.defaultOpdCode() : KECAMATAN_OFFICES.get(kecamatanCode);
        Opd opd = code == null ? null : catalog.opds().get(code);
        return opd != null && opd.active() ? opd : catalog.opds().get("DPUPR");
    }

    /** Public-works complaints get mixed up among DPUPR, DLH and DISHUB; others go to DPUPR by mistake. */
    private Opd wrongOpd(Opd right) {
        List<String> usual = new ArrayList<>(List.of("DPUPR", "DLH", "DISHUB"));
        usual.remove(right.code());
        return catalog.opds().get(usual.get(random.nextInt(usual.size())));
    }

    private UUID responder(Opd opd) {
        return responders.computeIfAbsent(opd.code(), code -> uuid());
    }

    // ---------- randomness ----------

    private Duration markDelay() {
        return Duration.ofSeconds(5 + random.nextInt(55));
    }

    private static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private double logNormal(double median, double spread) {
        return median * Math.exp(spread * random.nextGaussian());
    }

    private String weighted(Map<String, Integer> weights) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int r = random.nextInt(total);
        for (Map.Entry<String, Integer> entry : weights.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            r -= entry.getValue();
            if (r < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("no weights");
    }

    private static Map<String, Integer> weights(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }

    /** 3672, a kecamatan, a birth date DDMMYY (women +40 on the day), a serial above 0000. */
    private String nik() {
        int day = 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0);
        return String.format("3672%02d%02d%02d%02d%04d", 1 + random.nextInt(8), day, 1 + random.nextInt(12), random.nextInt(100),
                1 + random.nextInt(9999));
    }

    private String phone() {
        return String.format("0857%08d", random.nextInt(100_000_000));
    }

    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }
}
