package id.go.cilegon.juare.dashboard.report;

import id.go.cilegon.juare.dashboard.backend.BackendFiles;
import id.go.cilegon.juare.dashboard.security.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily reports' files for the browser: {@code GET /report-files/2026-05-06.pdf} (or {@code .csv}). The backend
 * serves them only with a bearer token, which stays in the server-side session; so the dashboard fetches them with
 * the signed-in staff member's token and streams them on. Open to the roles that read reports (SecurityConfig); the
 * backend decides as well.
 */
@RestController
class ReportFileProxy {

    private final BackendReportFiles files;

    ReportFileProxy(BackendReportFiles files) {
        this.files = files;
    }

    @GetMapping("/" + ReportFile.PATH + "/{name}")
    void file(@PathVariable String name, @AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response) {
        if (staff == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        Optional<ReportFile> file = ReportFile.parse(name);
        if (file.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        files.stream(staff.session(), file.get(), BackendFiles.Target.of(response));
    }
}
