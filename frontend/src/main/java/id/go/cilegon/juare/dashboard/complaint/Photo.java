package id.go.cilegon.juare.dashboard.complaint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A complaint's photo. The backend serves it only with a bearer token, which the browser never has: the browser gets
 * it through the dashboard's {@link PhotoProxy}, at {@link #src()} and {@link #thumbnailSrc()} (relative to the
 * application's root, which Vaadin's base href points to).
 *
 * @param kind EVIDENCE, AFTER (the OPD's proof of the fix) or DISPUTE
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Photo(String id, String kind, Integer width, Integer height) {

    public String src() {
        return PhotoProxy.PATH + "/" + id;
    }

    public String thumbnailSrc() {
        return src() + "/thumbnail";
    }
}
