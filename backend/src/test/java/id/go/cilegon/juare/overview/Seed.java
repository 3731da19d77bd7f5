package id.go.cilegon.juare.overview;

import id.go.cilegon.juare.auth.AuthSession;
import id.go.cilegon.juare.auth.TokenService;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/** Complaints, events and staff written straight into the database, in known places, states and times. */
public final class Seed {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final UUID residentId;

    private Seed(DatabaseClient db, UUID residentId) {
        this.db = db;
        this.residentId = residentId;
    }

    public UUID residentId() {
        return residentId;
    }

    /**
     * One event of a complaint of this seeder's resident (kecamatan 36.72.02, category JALAN), as the lifecycle writes
     * it: the status and OPD after the event.
     */
    public void event(UUID complaintId, String type, String actor, Instant at, String status, String opdCode, String payload) {
        DatabaseClient.GenericExecuteSpec sql = db.sql("""
                        INSERT INTO complaint_event (complaint_id, type, actor_type, occurred_at, status, resident_id, opd_code,
                                                     kecamatan_code, category_code, visible_to_resident, payload)
                        VALUES (:complaint, :type, :actor, :at, :status, :resident, :opd, '36.72.02', 'JALAN', true,
                                CAST(:payload AS jsonb))""")
                .bind("complaint", complaintId)
                .bind("type", type)
                .bind("actor", actor)
                .bind("at", at)
                .bind("status", status)
                .bind("resident", residentId)
                .bind("payload", payload);
        sql = opdCode == null ? sql.bindNull("opd", String.class) : sql.bind("opd", opdCode);
        sql.then().block();
    }

    /** A seeder with a new resident of its own, who files every complaint it makes. */
    public static Seed with(DatabaseClient db, id.go.cilegon.juare.platform.PersonalDataCipher cipher) {
        UUID id = UUID.randomUUID();
        // real ciphertext: operators' views decrypt the reporter's phone
        db.sql("""
                        INSERT INTO resident (id, nik_hash, nik_encrypted, nik_masked, phone_hash, phone_encrypted, phone_masked,
                                              name, created_at, updated_at)
                        VALUES (:id, :nikHash, :nikCipher, '3672••••••••0001', :phoneHash, :phoneCipher, '+62812•••••789', 'Warga Uji',
                                now(), now())""")
                .bind("id", id)
                .bind("nikHash", randomBytes())
                .bind("phoneHash", randomBytes())
                .bind("nikCipher", cipher.encrypt("3672011203900001"))
                .bind("phoneCipher", cipher.encrypt("+6281234567789"))
                .then()
                .block();
        return new Seed(db, id);
    }

    /** A SUBMITTED complaint of the resident, with no history: for tests of what hangs on a complaint (photos). */
    public static UUID bareComplaint(DatabaseClient db, UUID residentId) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        db.sql("""
                        INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code,
                                               description, lat, lng, kecamatan_code, kelurahan_code, confidential,
                                               status, created_at, updated_at)
                        VALUES (:id, :tracking, :resident, :request, (SELECT min(code) FROM category),
                                'Jalan berlubang di depan sekolah', -6.03311, 106.06966, '36.72.01', '36.72.01.1001',
                                false, 'SUBMITTED', :now, :now)""")
                .bind("id", id)
                .bind("tracking", "JRT-" + id.toString().substring(0, 8))
                .bind("resident", residentId)
                .bind("request", UUID.randomUUID().toString())
                .bind("now", now)
                .then()
                .block();
        return id;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A complaint to describe and then {@link ComplaintSpec#insert()}. */
    public ComplaintSpec complaint() {
        return new ComplaintSpec();
    }

    /** An event of a seeded complaint. */
    public void event(ComplaintSpec complaint, String type, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO complaint_event (complaint_id, type, actor_type, occurred_at, status, resident_id, opd_code,
                                                     kecamatan_code, category_code, visible_to_resident)
                        VALUES (:complaint, :type, 'STAFF', :at, :status, :resident, :opd, :kecamatan, :category, true)""")
                .bind("complaint", complaint.id)
                .bind("type", type)
                .bind("at", at)
                .bind("status", complaint.status)
                .bind("resident", residentId)
                .bind("kecamatan", complaint.kecamatanCode)
                .bind("category", complaint.categoryCode);
        bindNullable(spec, "opd", complaint.opdCode, String.class)
                .then()
                .block();
    }

    /** A staff account; returns its id. */
    public UUID staff(String role, String opdCode, String shift, boolean active) {
        UUID id = UUID.randomUUID();
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO staff (id, username, display_name, password_hash, role, opd_code, phone_masked, shift, active,
                                           created_at, updated_at)
                        VALUES (:id, :username, :name, 'not-a-hash', :role, :opd, '+62812•••••321', :shift, :active, now(), now())""")
                .bind("id", id)
                .bind("username", "uji-" + id)
                .bind("name", "Petugas " + id.toString().substring(0, 8))
                .bind("role", role)
                .bind("active", active);
        spec = opdCode == null ? spec.bindNull("opd", String.class) : spec.bind("opd", opdCode);
        spec = shift == null ? spec.bindNull("shift", String.class) : spec.bind("shift", shift);
        spec.then().block();
        return id;
    }

    /**
     * An access token for a new, active staff member with one role (and, for OPD roles, an OPD): a real account,
     * since every request checks that its account is still active.
     */
    public static String staffToken(DatabaseClient db, TokenService tokens, String role, String opdCode) {
        // the token carries the grant asked for, even one the accounts table cannot hold (an OPD role without an OPD)
        boolean opdRole = role.startsWith("OPD_");
        UUID id = new Seed(db, null).staff(role, opdRole && opdCode == null ? "DPUPR" : opdRole ? opdCode : null, null, true);
        AuthSession session = tokens.issue(TokenService.KIND_STAFF, id, new TokenService.Grant(List.of(role), opdCode))
                .block();
        return session.accessToken();
    }

    /** An access token for a new resident (a real account, with made-up personal data it never shows). */
    public static String residentToken(DatabaseClient db, TokenService tokens) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        INSERT INTO resident (id, nik_hash, nik_encrypted, nik_masked, phone_hash, phone_encrypted, phone_masked,
                                              name, created_at, updated_at)
                        VALUES (:id, :nikHash, :nikHash, '3672••••••••0002', :phoneHash, :phoneHash, '+62812•••••788', 'Warga Uji',
                                now(), now())""")
                .bind("id", id)
                .bind("nikHash", randomBytes())
                .bind("phoneHash", randomBytes())
                .then()
                .block();
        return tokens.residentSession(id).block().accessToken();
    }

    /** A complaint being described; defaults: JALAN in kecamatan Cilegon, SUBMITTED, filed now. */
    public final class ComplaintSpec {

        private final UUID id = UUID.randomUUID();
        private final String trackingNumber = "UJI-" + id.toString().substring(0, 13).toUpperCase();
        private String categoryCode = "JALAN";
        private double lat = -6.035;
        private double lng = 106.04035;
        private String kecamatanCode = "36.72.02";
        private String status = "SUBMITTED";
        private String opdCode;
        private Instant createdAt = Instant.now();
        private Instant replyDueAt;
        private Instant fixDueAt;
        private Instant firstReplyAt;
        private Instant dispatchedAt;

        public ComplaintSpec category(String code) {
            this.categoryCode = code;
            return this;
        }

        public ComplaintSpec at(double lat, double lng) {
            this.lat = lat;
            this.lng = lng;
            return this;
        }

        public ComplaintSpec kecamatan(String code) {
            this.kecamatanCode = code;
            return this;
        }

        public ComplaintSpec status(String status) {
            this.status = status;
            return this;
        }

        public ComplaintSpec opd(String code) {
            this.opdCode = code;
            return this;
        }

        public ComplaintSpec filedAt(Instant at) {
            this.createdAt = at;
            return this;
        }

        public ComplaintSpec replyDue(Instant at) {
            this.replyDueAt = at;
            return this;
        }

        public ComplaintSpec fixDue(Instant at) {
            this.fixDueAt = at;
            return this;
        }

        public ComplaintSpec dispatchedAt(Instant at) {
            this.dispatchedAt = at;
            return this;
        }

        public ComplaintSpec repliedAt(Instant at) {
            this.firstReplyAt = at;
            return this;
        }

        public UUID id() {
            return id;
        }

        public String trackingNumber() {
            return trackingNumber;
        }

        public double lat() {
            return lat;
        }

        public double lng() {
            return lng;
        }

        /** Writes the complaint; kelurahan is the kecamatan's first (every kecamatan has a .1001). */
        public ComplaintSpec insert() {
            DatabaseClient.GenericExecuteSpec spec = db.sql("""
                            INSERT INTO complaint (id, tracking_number, resident_id, client_request_id, category_code, description,
                                                   lat, lng, kecamatan_code, kelurahan_code, confidential, status, opd_code,
                                                   created_at, updated_at, reply_due_at, fix_due_at, first_reply_at, dispatched_at)
                            VALUES (:id, :tracking, :resident, :request, :category, 'Keluhan uji untuk ringkasan dasbor', :lat, :lng,
                                    :kecamatan, :kelurahan, false, :status, :opd, :created, :created, :replyDue, :fixDue,
                                    :firstReply, :dispatched)""")
                    .bind("id", id)
                    .bind("tracking", trackingNumber)
                    .bind("resident", residentId)
                    .bind("request", id.toString())
                    .bind("category", categoryCode)
                    .bind("lat", lat)
                    .bind("lng", lng)
                    .bind("kecamatan", kecamatanCode)
                    .bind("kelurahan", kecamatanCode + ".1001")
                    .bind("status", status)
                    .bind("created", createdAt);
            spec = bindNullable(spec, "opd", opdCode, String.class);
            spec = bindNullable(spec, "replyDue", replyDueAt, Instant.class);
            spec = bindNullable(spec, "fixDue", fixDueAt, Instant.class);
            spec = bindNullable(spec, "firstReply", firstReplyAt, Instant.class);
            spec = bindNullable(spec, "dispatched", dispatchedAt, Instant.class);
            spec.then().block();
            return this;
        }
    }

    private static <T> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                      T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
