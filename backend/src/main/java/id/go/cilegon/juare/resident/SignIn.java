package id.go.cilegon.juare.resident;

import id.go.cilegon.juare.auth.AuthSession;

/** A verified code: the session and the resident it belongs to. */
public record SignIn(AuthSession session, Resident resident) {
}
