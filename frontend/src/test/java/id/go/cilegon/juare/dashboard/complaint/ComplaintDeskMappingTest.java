package id.go.cilegon.juare.dashboard.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.cilegon.juare.dashboard.backend.UserError;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The backend's answers as the complaint screens get them, and payload errors as typed refusals. */
class ComplaintDeskMappingTest {

    private final JsonMapper json = JsonMapper.builder().build();

    // an answer of StaffComplaintDetail as the backend sends it (for an OPD: no reporter, confidential)
    private static final String DETAIL = """
            {"id":"6f1c2d3e-0000-4000-8000-000000000042","trackingNumber":"JRX-7K4M","status":"IN_PROGRESS",
             "category":{"code":"JALAN_RUSAK","nameId":"Jalan rusak","nameEn":"Damaged road","replyHours":24,"fixHours":72},
             "title":null,"description":"Lubang besar di depan SDN 1","location":{"lat":-6.01,"lng":106.05},
             "addressText":"Jl. Sudirman","kecamatan":{"code":"367201","name":"Cilegon"},
             "kelurahan":{"code":"3672011001","name":"Ciwaduk"},"confidential":true,
             "opd":{"code":"DPUPR","name":"Dinas PUPR"},
             "photos":[{"id":"a1b2c3d4-0000-4000-8000-000000000001","kind":"EVIDENCE","url":"/api/photos/a1b2c3d4-0000-4000-8000-000000000001",
                        "thumbnailUrl":"/api/photos/a1b2c3d4-0000-4000-8000-000000000001/thumbnail","width":1024,"height":768}],
             "createdAt":"2026-05-06T01:00:00Z","updatedAt":"2026-05-06T03:00:00Z","version":4,
             "dispatchedAt":"2026-05-06T01:30:00Z","replyDueAt":"2026-05-07T01:30:00Z","fixDueAt":"2026-05-09T01:30:00Z",
             "firstReplyAt":"2026-05-06T03:00:00Z","resolvedAt":null,"closedAt":null,"replySecondsLeft":null,"fixSecondsLeft":200000,
             "replyOverdue":false,"fixOverdue":false,"rejectReason":null,"duplicateOf":null,"transferRequested":false,
             "transferReason":null,"rating":null,"residentComment":null,"reopenCount":0,"autoClosed":false,"reporter":null,
             "suggestedOpd":{"code":"DPUPR","name":"Dinas PUPR"},
             "possibleDuplicates":[{"id":"6f1c2d3e-0000-4000-8000-000000000041","trackingNumber":"KMP-22AB","status":"DISPATCHED",
                                    "description":"Jalan rusak","photos":[{"id":"a1b2c3d4-0000-4000-8000-000000000002","kind":"EVIDENCE","thumbnailUrl":"x"}]}],
             "timeline":[{"id":"1","type":"SUBMITTED","status":"SUBMITTED","at":"2026-05-06T01:00:00Z","actor":"RESIDENT","actorName":null,
                          "message":"Lubang besar","note":null,"internal":false},
                         {"id":"2","type":"INTERNAL_NOTE","status":"IN_PROGRESS","at":"2026-05-06T03:10:00Z","actor":"STAFF",
                          "actorName":"Petugas dpupr","message":null,"note":"Perlu alat berat","internal":true}]}
            """;

    @Test
    void aDetailAnswerBecomesAStaffComplaint() {
        StaffComplaint c = json.readValue(DETAIL, StaffComplaint.class);
        assertThat(c.trackingNumber()).isEqualTo("JRX-7K4M");
        assertThat(c.version()).isEqualTo(4);
        assertThat(c.isAtOpd()).isTrue();
        assertThat(c.categoryName(Locale.ENGLISH)).isEqualTo("Damaged road");
        assertThat(c.categoryName(Locale.of("id"))).isEqualTo("Jalan rusak");
        assertThat(c.category().fixSpan()).hasHours(72);
        assertThat(c.reporter()).isNull();
        assertThat(c.firstReplyAt()).isEqualTo(Instant.parse("2026-05-06T03:00:00Z"));
        assertThat(c.photos()).singleElement().satisfies(p -> {
            // through the dashboard's proxy, never the backend's address
            assertThat(p.src()).isEqualTo("photos/a1b2c3d4-0000-4000-8000-000000000001");
            assertThat(p.thumbnailSrc()).isEqualTo("photos/a1b2c3d4-0000-4000-8000-000000000001/thumbnail");
        });
        assertThat(c.possibleDuplicates()).singleElement().satisfies(d -> {
            assertThat(d.trackingNumber()).isEqualTo("KMP-22AB");
            assertThat(d.photos()).hasSize(1);
        });
        assertThat(c.timeline()).extracting(StaffComplaint.TimelineEntry::type).containsExactly("SUBMITTED", "INTERNAL_NOTE");
        assertThat(c.timeline().get(1).internal()).isTrue();
        assertThat(Countdown.of(c, Instant.parse("2026-05-08T12:00:00Z")).clock()).isEqualTo(Countdown.Clock.FIX);
    }

    @Test
    void aQueueRowWithoutDuplicatesOrTimelineHasEmptyLists() {
        // the fragment always asks for the flags and counts (Jackson refuses null for a primitive); lists may be absent
        StaffComplaint row = json.readValue("""
                {"id":"x","trackingNumber":"ABC-DEFG","status":"SUBMITTED","version":0,"confidential":false,"replyOverdue":false,
                 "fixOverdue":false,"transferRequested":false,"reopenCount":0,"autoClosed":false,"unknownField":1}
                """, StaffComplaint.class);
        assertThat(row.photos()).isEmpty();
        assertThat(row.possibleDuplicates()).isEmpty();
        assertThat(row.timeline()).isEmpty();
        assertThat(row.isAtOpd()).isFalse();
    }

    @Test
    void aPayloadErrorIsATypedRefusalWithItsCode() {
        ComplaintDesk.Payload conflict = new ComplaintDesk.Payload(null,
                List.of(new UserError("CONFLICT", "Pengaduan baru saja diubah orang lain, muat ulang", "complaintId")));
        assertThatThrownBy(() -> ComplaintDesk.answer("Dispatch", conflict))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("CONFLICT");
                    assertThat(e.isConflict()).isTrue();
                    assertThat(e.isStale()).isTrue();
                    assertThat(e.field()).isEqualTo("complaintId");
                    assertThat(e.userMessage()).startsWith("Pengaduan baru saja diubah");
                });
        StaffComplaint done = json.readValue(DETAIL, StaffComplaint.class);
        assertThat(ComplaintDesk.answer("Reply", new ComplaintDesk.Payload(done, List.of()))).isSameAs(done);
    }

    @Test
    void trackingNumbersAsTheyAreReadOut() {
        assertThat(ComplaintDesk.normalizeTrackingNumber(" jrx-7k4m ")).isEqualTo("JRX-7K4M");
        assertThat(ComplaintDesk.normalizeTrackingNumber("JRX 7K4M")).isEqualTo("JRX-7K4M");
        assertThat(ComplaintDesk.normalizeTrackingNumber("jrx7k4m")).isEqualTo("JRX-7K4M");
        assertThat(ComplaintDesk.normalizeTrackingNumber("  ")).isEmpty();
        assertThat(ComplaintDesk.normalizeTrackingNumber(null)).isEmpty();
    }

    @Test
    void onlyJpegAndPngUpToTenMegabytesGoToTheBackend() {
        assertThat(BackendPhotos.checkedType(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00}).toString()).isEqualTo("image/jpeg");
        assertThat(BackendPhotos.checkedType(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0}).toString()).isEqualTo("image/png");
        assertThatThrownBy(() -> BackendPhotos.checkedType("%PDF-1.7 ...".getBytes()))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.code()).isEqualTo("UNSUPPORTED_PHOTO"));
        byte[] huge = new byte[BackendPhotos.MAX_BYTES + 1];
        huge[0] = (byte) 0xFF;
        huge[1] = (byte) 0xD8;
        huge[2] = (byte) 0xFF;
        assertThatThrownBy(() -> BackendPhotos.checkedType(huge))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.code()).isEqualTo("PHOTO_TOO_LARGE"));
        assertThatThrownBy(() -> BackendPhotos.checkedType(new byte[0]))
                .isInstanceOfSatisfying(ComplaintRefused.class, e -> assertThat(e.code()).isEqualTo("UNSUPPORTED_PHOTO"));
    }
}
