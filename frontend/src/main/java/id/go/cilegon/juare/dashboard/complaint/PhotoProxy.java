package id.go.cilegon.juare.dashboard.complaint;

import id.go.cilegon.juare.dashboard.backend.BackendFiles;
import id.go.cilegon.juare.dashboard.security.StaffPrincipal;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaint photos for the browser: {@code GET /photos/{id}} and {@code /photos/{id}/thumbnail}. The backend serves
 * them only with a bearer token, which stays in the server-side session; so the dashboard fetches them with the
 * signed-in staff member's token and streams them on. Behind the dashboard's security like every other path (a
 * stranger goes to the login); the backend decides whether this staff member may see the photo (403/404 pass on).
 */
@RestController
class PhotoProxy {

    /** Relative to the application's root, so {@link Photo#src()} works under any route. */
    static final String PATH = "photos";

    private final BackendPhotos photos;

    PhotoProxy(BackendPhotos photos) {
        this.photos = photos;
    }

    @GetMapping("/" + PATH + "/{id}")
    void photo(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response) {
        stream(id, false, staff, response);
    }

    @GetMapping("/" + PATH + "/{id}/thumbnail")
    void thumbnail(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal staff, HttpServletResponse response) {
        stream(id, true, staff, response);
    }

    private void stream(String id, boolean thumbnail, StaffPrincipal staff, HttpServletResponse response) {
        if (staff == null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        photos.stream(staff.session(), id, thumbnail, BackendFiles.Target.of(response));
    }
}
