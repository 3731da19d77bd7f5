package id.go.cilegon.juare.complaint.internal;

import java.util.List;

record SubmitComplaintInput(String clientRequestId, String categoryCode, String title, String description,
                            LocationInput location, String addressText, List<String> photoIds, Boolean confidential) {

    record LocationInput(double lat, double lng) {
    }
}
