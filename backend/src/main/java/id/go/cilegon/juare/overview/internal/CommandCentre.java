package id.go.cilegon.juare.overview.internal;

import java.time.LocalDate;

/**
 * GraphQL CommandCentre; onDuty and intakeToday are resolved only when asked for.
 *
 * @param today the WIB date whose shifts intakeToday counts (not a GraphQL field)
 */
record CommandCentre(ShiftWindow currentShift, LocalDate today) {

    /** GraphQL ShiftWindow: times as HH:mm WIB. */
    record ShiftWindow(Shift shift, String start, String end) {
    }

    /** GraphQL ShiftIntake. */
    record ShiftIntake(Shift shift, int submitted, int dispatched, int rejected, int resolved) {
    }
}
