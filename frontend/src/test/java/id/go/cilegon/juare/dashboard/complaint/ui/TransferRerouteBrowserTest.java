package id.go.cilegon.juare.dashboard.complaint.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.dashboard.BrowserIT;
import id.go.cilegon.juare.dashboard.backend.BackendClient;
import id.go.cilegon.juare.dashboard.backend.BackendSession;
import id.go.cilegon.juare.dashboard.backend.RunningBackend;
import id.go.cilegon.juare.dashboard.complaint.ComplaintDesk;
import id.go.cilegon.juare.dashboard.complaint.StaffComplaint;
import id.go.cilegon.juare.dashboard.ranking.Period;
import id.go.cilegon.juare.dashboard.ranking.RankingService;
import id.go.cilegon.juare.dashboard.ranking.TransferRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12, "breaches stay with who caused them" (ADR 0022), on screen: Dishub's responder asks for a transfer in the
 * OPD queue's dialog, an operator declines it, the same reason again is refused on the dialog's field (in Indonesian,
 * the dialog open) and a new one is accepted; the operator's transfer tab has no default for "misrouted", asks for a
 * choice and for a misrouted reroute's reason, says the OPD asked within its reply deadline, and reroutes; Dishub's
 * scorecard counts the two requests, the repeated one and the decline. Dishub: no other dashboard test uses it.
 */
class TransferRerouteBrowserTest extends BrowserIT {

    private static final String OPD = "DISHUB";
    private static final String RESPONDER = "dishub";
    /** Where the complaint goes: an OPD no other dashboard test reads. */
    private static final String TO_OPD_NAME = "Dinas Tenaga Kerja";
    private static final String FIRST_REASON = "Lokasi ini jalan provinsi, bukan kewenangan Dishub Kota.";
    private static final String NEW_REASON = "Rambu ini milik Balai Jalan Nasional; surat BBPJN terlampir di catatan.";
    private static final String MISROUTED_REASON = "Kategori salah: ini urusan ketenagakerjaan, bukan perhubungan.";

    @Autowired
    ComplaintDesk desk;

    @Autowired
    BackendClient client;

    @Autowired
    RankingService ranking;

    @Test
    void aRepeatedReasonIsRefusedOnTheDialogAndTheOperatorMustSayWhyItIsRerouted() {
        BackendSession responder = client.login(RESPONDER, RunningBackend.DEMO_PASSWORD);
        TransferRequests before = ranking.scorecard(responder, OPD, Period.DEFAULT).transferRequests();
        // a complaint Dishub holds, never handed back in this assignment (the demo's Dishub repeats declined requests),
        // with its reply deadline well ahead: the hand-back is in time
        List<StaffComplaint> queue = desk.opdQueue(responder, OPD);
        Instant margin = Instant.now().plus(Duration.ofHours(1));
        StaffComplaint chosen = queue.stream()
                .filter(c -> c.isAtOpd() && !c.transferRequested() && c.replyDueAt() != null && c.replyDueAt().isAfter(margin))
                .sorted(Comparator.comparing(StaffComplaint::replyDueAt))
                .filter(c -> neverHandedBack(desk.complaint(responder, c.id()).orElseThrow()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo data gives Dishub a complaint with its reply deadline ahead"));
        String number = chosen.trackingNumber();

        // 1. Dishub asks for a transfer in the dialog
        browser.signIn(RESPONDER);
        wait.until(ExpectedConditions.urlContains("/opd-queue"));
        openRow("opd-queue", queue.indexOf(chosen), number);
        requestTransfer(FIRST_REASON);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("transfer-reason")));
        wait.until(d -> desk.byTrackingNumber(responder, number).orElseThrow().transferRequested());

        // 2. an operator declines it on the transfer tab
        switchTo("operator");
        openTransferTab(number);
        // "ok" passes the dashboard's blank check, not the backend's three characters: refused on the field
        WebElement declineNote = driver.findElement(By.id("decline-note"));
        declineNote.findElement(By.tagName("input")).sendKeys("ok");
        driver.findElement(By.id("decline-transfer")).click();
        String tooShort = wait.until(d -> declineNote.getDomAttribute("invalid") == null ? null : nonEmpty(declineNote.getDomProperty("errorMessage")));
        assertThat(tooShort).isEqualTo("Tulis minimal 3 karakter");
        assertThat(driver.findElements(By.id("notice-error"))).isEmpty();
        declineNote.findElement(By.tagName("input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        declineNote.findElement(By.tagName("input")).sendKeys("Tetap di Dishub: rambu lalu lintas kota.");
        driver.findElement(By.id("decline-transfer")).click();
        wait.until(d -> browser.gridCell("transfer-queue", number) == null);
        assertThat(desk.byTrackingNumber(responder, number).orElseThrow().transferRequested()).isFalse();

        // 3. Dishub asks again with the declined reason: refused on the field, in Indonesian, the dialog stays open
        switchTo(RESPONDER);
        wait.until(ExpectedConditions.urlContains("/opd-queue"));
        openRow("opd-queue", desk.opdQueue(responder, OPD).stream().map(StaffComplaint::trackingNumber).toList().indexOf(number), number);
        driver.manage().window().setSize(new Dimension(390, 844));
        requestTransfer(FIRST_REASON);
        WebElement reason = driver.findElement(By.id("transfer-reason"));
        wait.until(d -> reason.getDomAttribute("invalid") != null);
        String refusal = wait.until(d -> nonEmpty(reason.getDomProperty("errorMessage")));
        assertThat(refusal).isEqualTo("Alasan ini sudah pernah diajukan dan ditolak; tulis alasan baru").doesNotContain(" / ");
        assertThat(driver.findElement(By.id("transfer-dialog")).getDomAttribute("opened")).isNotNull();
        assertThat(driver.findElements(By.id("notice-error"))).isEmpty();
        assertFits("transfer-reason");
        browser.screenshot("transfer-dialog-refused-390.png");

        // a new reason is accepted
        WebElement text = driver.findElement(By.cssSelector("#transfer-reason textarea"));
        text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        text.sendKeys(NEW_REASON);
        driver.findElement(By.id("transfer-confirm")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("transfer-reason")));
        StaffComplaint asked = wait.until(d -> desk.byTrackingNumber(responder, number).filter(StaffComplaint::transferRequested).orElse(null));
        assertThat(asked.transferReason()).isEqualTo(NEW_REASON);
        driver.manage().window().setSize(new Dimension(1440, 900));

        // 4. the operator's transfer tab: no default, a choice and a reason required, the hand-back was in time
        switchTo("operator");
        openTransferTab(number);
        WebElement misrouted = driver.findElement(By.id("reroute-misrouted"));
        assertThat(misrouted.findElements(By.cssSelector("vaadin-radio-button[checked]"))).as("no default").isEmpty();
        assertThat(driver.findElement(By.id("reroute-hand-back")).getText())
                .isEqualTo("OPD meminta pengalihan sebelum batas balasannya: jika salah tujuan, waktunya tidak dihitung.");
        WebElement opdInput = driver.findElement(By.cssSelector("#reroute-opd input"));
        opdInput.sendKeys("Tenaga Kerja");
        wait.until(d -> d.findElements(By.cssSelector("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.getText().contains(TO_OPD_NAME)));
        opdInput.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
        wait.until(d -> TO_OPD_NAME.equals(d.findElement(By.cssSelector("#reroute-opd input")).getDomProperty("value")));

        driver.findElement(By.id("reroute")).click();
        wait.until(d -> misrouted.getDomAttribute("invalid") != null);
        String chooseOne = wait.until(d -> nonEmpty(misrouted.getDomProperty("errorMessage")));
        assertThat(chooseOne).isEqualTo("Pilih salah satu");

        radio(misrouted, "Salah tujuan").click();
        wait.until(d -> misrouted.findElements(By.cssSelector("vaadin-radio-button[checked]")).size() == 1);
        driver.findElement(By.id("reroute")).click();
        WebElement note = driver.findElement(By.id("reroute-note"));
        wait.until(d -> note.getDomAttribute("invalid") != null);
        String reasonRequired = wait.until(d -> nonEmpty(note.getDomProperty("errorMessage")));
        assertThat(reasonRequired).isEqualTo("Tulis alasan salah tujuan (minimal 10 karakter)");
        wait.until(d -> misrouted.getDomAttribute("invalid") == null);
        assertFits("transfer-side");
        browser.screenshot("transfer-tab-1440.png");
        // on a phone the queue goes above the decision, and the long option labels wrap within the screen
        driver.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> "vertical".equals(splitOrientation()));
        driver.executeScript("document.getElementById('reroute-misrouted').scrollIntoView({block: 'start'})");
        assertFits("transfer-side");
        browser.screenshot("transfer-tab-390.png");
        driver.executeScript("document.getElementById('reroute-note').scrollIntoView({block: 'center'})");
        browser.screenshot("transfer-tab-390-reason.png");
        driver.manage().window().setSize(new Dimension(1440, 900));
        wait.until(d -> !"vertical".equals(splitOrientation()));

        note.findElement(By.tagName("input")).sendKeys(MISROUTED_REASON);
        driver.findElement(By.id("reroute")).click();
        wait.until(d -> browser.gridCell("transfer-queue", number) == null);
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        StaffComplaint rerouted = desk.byTrackingNumber(operator, number).orElseThrow();
        assertThat(rerouted.status()).isEqualTo("DISPATCHED");
        assertThat(rerouted.opd().name()).isEqualTo(TO_OPD_NAME);
        assertThat(rerouted.transferRequested()).isFalse();

        // 5. Dishub's scorecard: two requests, one repeated after the decline, one declined
        switchTo(RESPONDER);
        browser.open("/ranking/my-opd");
        wait.until(ExpectedConditions.urlContains("/ranking/opd/" + OPD));
        WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("figure-TRANSFER_REQUESTS")));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
        assertThat(card.findElement(By.className("figure-value")).getText()).isEqualTo(Integer.toString(before.requests() + 2));
        assertThat(card.getText()).contains("Permintaan pengalihan")
                .contains((before.repeated() + 1) + " diulang setelah ditolak, " + (before.declined() + 1) + " ditolak");
        TransferRequests after = ranking.scorecard(responder, OPD, Period.DEFAULT).transferRequests();
        assertThat(after).isEqualTo(new TransferRequests(before.requests() + 2, before.repeated() + 1, before.declined() + 1));
        browser.screenshot("scorecard-transfer-requests.png");
    }

    private static boolean neverHandedBack(StaffComplaint c) {
        return c.timeline().stream().noneMatch(e -> "TRANSFER_REQUESTED".equals(e.type())
                && (c.dispatchedAt() == null || e.at() == null || !e.at().isBefore(c.dispatchedAt())));
    }

    /** Signs out (a fresh session) and in as someone else. */
    private void switchTo(String username) {
        driver.manage().deleteAllCookies();
        browser.signIn(username);
    }

    /** Brings row {@code index} of the grid into view, clicks it and waits for its detail. */
    private void openRow(String gridId, int index, String number) {
        assertThat(index).as(number + " is in " + gridId).isNotNegative();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(gridId)));
        browser.clickGridRow(gridId, index, number);
        wait.until(d -> number.equals(d.findElement(By.id("detail-tracking-number")).getText()));
    }

    private void openTransferTab(String number) {
        browser.open("/intake");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tab-transfer"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-queue")));
        BackendSession operator = client.login("operator", RunningBackend.DEMO_PASSWORD);
        int index = desk.transferQueue(operator).stream().map(StaffComplaint::trackingNumber).toList().indexOf(number);
        assertThat(index).as(number + " waits in the transfer queue").isNotNegative();
        browser.clickGridRow("transfer-queue", index, number);
        wait.until(d -> d.findElement(By.id("reroute")).getDomAttribute("disabled") == null
                && number.equals(d.findElement(By.id("transfer-detail-tracking-number")).getText()));
    }

    private void requestTransfer(String reason) {
        wait.until(d -> d.findElement(By.id("request-transfer")).getDomAttribute("disabled") == null);
        driver.findElement(By.id("request-transfer")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#transfer-reason textarea"))).sendKeys(reason);
        driver.findElement(By.id("transfer-confirm")).click();
    }

    private static WebElement radio(WebElement group, String labelStart) {
        return group.findElements(By.tagName("vaadin-radio-button")).stream()
                .filter(r -> r.getText().strip().startsWith(labelStart))
                .findFirst().orElseThrow(() -> new AssertionError("no option " + labelStart))
                .findElement(By.tagName("label"));
    }

    /**
     * Nothing sticks out: the element lies within the window, scrolls not sideways, and its fields, options and buttons
     * end within it; the page does not scroll sideways either.
     */
    private void assertFits(String id) {
        Object overflow = driver.executeScript("""
                const e = document.getElementById(arguments[0]);
                const box = e.getBoundingClientRect();
                const out = [];
                if (box.left < -1 || box.right > window.innerWidth + 1) { out.push('the element: ' + box.left + '..' + box.right); }
                if (e.scrollWidth > e.clientWidth + 1) { out.push('scrolls sideways: ' + e.scrollWidth + ' > ' + e.clientWidth); }
                if (document.documentElement.scrollWidth > window.innerWidth + 1) { out.push('the page scrolls sideways'); }
                for (const c of e.querySelectorAll('vaadin-radio-button, vaadin-text-field, vaadin-text-area, vaadin-combo-box, vaadin-button, p')) {
                    const r = c.getBoundingClientRect();
                    if (r.width > 0 && r.right > box.right + 1) { out.push((c.id || c.tagName) + ' ends at ' + r.right + ' > ' + box.right); }
                }
                return out.join('; ');""", id);
        assertThat(overflow).as(id + " fits").isEqualTo("");
    }

    /** The transfer tab's split: "vertical" when stacked. */
    private Object splitOrientation() {
        return driver.executeScript("return document.getElementById('transfer-side').closest('vaadin-split-layout').getAttribute('orientation')");
    }

    private static String nonEmpty(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
