package id.go.cilegon.juare.resident.internal;

import graphql.GraphQLContext;
import id.go.cilegon.juare.auth.AuthSession;
import id.go.cilegon.juare.auth.CurrentCaller;
import id.go.cilegon.juare.platform.ClientAddress;
import id.go.cilegon.juare.platform.ErrorCode;
import id.go.cilegon.juare.platform.Payloads;
import id.go.cilegon.juare.platform.UserError;
import id.go.cilegon.juare.resident.OtpChallenge;
import id.go.cilegon.juare.resident.Resident;
import id.go.cilegon.juare.resident.ResidentDirectory;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Resident: sign-in by one-time code, and the signed-in resident. */
@Controller
class ResidentController {

    private final OtpService otp;
    private final ResidentDirectory residents;

    ResidentController(OtpService otp, ResidentDirectory residents) {
        this.otp = otp;
        this.residents = residents;
    }

    @MutationMapping
    Mono<RequestOtpPayload> requestOtp(@Argument RequestOtpInput input, GraphQLContext context) {
        return Payloads.of(otp.requestOtp(input.nik(), input.phone(), ClientAddress.from(context)),
                challenge -> new RequestOtpPayload(challenge, List.of()),
                errors -> new RequestOtpPayload(null, errors));
    }

    @MutationMapping
    Mono<VerifyOtpPayload> verifyOtp(@Argument VerifyOtpInput input) {
        UUID challengeId = parseId(input.challengeId());
        Mono<VerifyOtpPayload> verified = challengeId == null
                ? Mono.error(UserError.of(ErrorCode.OTP_EXPIRED, "resident.otp.unknown-challenge", "challengeId").exception())
                : otp.verifyOtp(challengeId, input.code(), input.name()).map(s -> new VerifyOtpPayload(s.session(), s.resident(), List.of()));
        return Payloads.of(verified, p -> p, errors -> new VerifyOtpPayload(null, null, errors));
    }

    @QueryMapping
    Mono<Resident> me() {
        return CurrentCaller.residentId().flatMap(residents::find);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    record RequestOtpInput(String nik, String phone) {
    }

    record RequestOtpPayload(OtpChallenge challenge, List<UserError> errors) {
    }

    record VerifyOtpInput(String challengeId, String code, String name) {
    }

    record VerifyOtpPayload(AuthSession session, Resident resident, List<UserError> errors) {
    }
}
