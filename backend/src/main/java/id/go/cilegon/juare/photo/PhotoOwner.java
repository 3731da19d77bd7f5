package id.go.cilegon.juare.photo;

import java.util.UUID;

/** Who uploaded a photo: a resident (evidence) or an OPD staff member (after-photos). */
public record PhotoOwner(boolean staff, UUID id) {

    public static PhotoOwner resident(UUID id) {
        return new PhotoOwner(false, id);
    }

    public static PhotoOwner staffMember(UUID id) {
        return new PhotoOwner(true, id);
    }

    String column() {
        return staff ? "owner_staff_id" : "owner_resident_id";
    }
}
