package id.go.cilegon.juare.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.cilegon.juare.support.AccessScenario;
import id.go.cilegon.juare.support.AccessScenario.Who;
import id.go.cilegon.juare.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The field-level leaks of issue 10 (item 4), tried the ways an attacker would: the resident whose complaint was
 * marked a duplicate reaching the original (another resident's), and an OPD reaching another OPD's or undispatched
 * complaints, their internal notes and staff names, through nested fields, aliases, fragments, lists, the events'
 * payload, lookups by number, the map. Each attack passes when its answer holds none of the secrets; a control
 * (the same query as someone entitled) shows the secret is there to be leaked.
 */
@Tag("hostile")
class FieldAccessHostileTest extends IntegrationTest {

    private record Attack(String name, Who who, String document, Map<String, Object> variables, List<String> secrets, Who control) {
    }

    @Test
    void nestedFieldsLeakNothingOfOtherPeoplesComplaints() {
        AccessScenario s = AccessScenario.create(api());
        String d = s.id("D");
        String w = s.id("W");
        String c1 = s.id("C1");
        // what the owner of D (a resident) must never read: W and S are another resident's; notes and names are staff's
        List<String> residentSecrets = new ArrayList<>(List.of("uji akses W", "uji akses S", s.dlhNote, s.dpuprNote, s.operatorNote));
        residentSecrets.addAll(s.staffNames());
        // what DLH must never read: DPUPR's complaints (C1, Z since its reroute), the undispatched S, the resident's D
        List<String> dlhSecrets = List.of("uji akses C1", "uji akses Z", "uji akses S", "uji akses D", s.dpuprNote, s.operatorNote,
                "Petugas " + s.dpupr.username());
        // what DPUPR must never read: DLH's W, the undispatched S, DLH's notes and staff names on Z
        List<String> dpuprSecrets = List.of("uji akses W", "uji akses S", "uji akses D", s.dlhNote, s.dlhName());

        String deep = "description addressText location { lat lng } photos { id url } reporter { name phone maskedNik }"
                + " timeline { actorName message note } possibleDuplicates { description timeline { note actorName } }";
        List<Attack> attacks = new ArrayList<>();
        // 1. the resident whose complaint is a duplicate of another resident's
        attacks.add(new Attack("duplicateOf, every field", Who.OWNER,
                "query($id: ID!) { complaint(id: $id) { duplicateOf { " + deep + " } } }", Map.of("id", d), residentSecrets, Who.OPERATOR));
        attacks.add(new Attack("duplicateOf under aliases", Who.OWNER,
                "query($id: ID!) { a: complaint(id: $id) { b: duplicateOf { c: description d: timeline { e: message } } } "
                        + "f: complaint(id: $id) { g: duplicateOf { h: id i: addressText } } }", Map.of("id", d), residentSecrets, Who.OPERATOR));
        attacks.add(new Attack("duplicateOf through fragments and an inline fragment", Who.OWNER,
                "query($id: ID!) { complaint(id: $id) { ...Outer } } fragment Outer on Complaint { duplicateOf { ... on Complaint { ...Inner } } }"
                        + " fragment Inner on Complaint { description timeline { message actorName } }", Map.of("id", d), residentSecrets, Who.OPERATOR));
        attacks.add(new Attack("duplicateOf through myComplaints", Who.OWNER,
                "{ myComplaints(first: 10) { edges { node { trackingNumber duplicateOf { " + deep + " } timeline { actorName note } } } } }",
                Map.of(), residentSecrets, null));
        attacks.add(new Attack("the original by id", Who.OWNER,
                "query($id: ID!) { complaint(id: $id) { " + deep + " } }", Map.of("id", w), residentSecrets, Who.OPERATOR));
        attacks.add(new Attack("the original by the number duplicateOfReference gives", Who.OWNER,
                "query($n: String!) { complaintByTrackingNumber(trackingNumber: $n) { " + deep + " } }",
                Map.of("n", s.trackingNumbers.get("W")), residentSecrets, Who.OPERATOR));
        attacks.add(new Attack("possibleDuplicates as a resident", Who.OWNER,
                "query($id: ID!) { complaint(id: $id) { possibleDuplicates { " + deep + " } } }", Map.of("id", c1), residentSecrets, Who.OPERATOR));
        attacks.add(new Attack("own complaint's internal timeline", Who.OWNER,
                "query($id: ID!) { complaint(id: $id) { timeline { actorName message note internal } } }", Map.of("id", c1), residentSecrets, Who.OPERATOR));

        // 2. an OPD (DLH) after another OPD's (DPUPR's) and undispatched complaints
        attacks.add(new Attack("possibleDuplicates of its own complaint", Who.OTHER_OPD,
                "query($id: ID!) { complaint(id: $id) { possibleDuplicates { id trackingNumber " + deep + " } } }",
                Map.of("id", w), dlhSecrets, Who.OPERATOR));
        attacks.add(new Attack("possibleDuplicates two deep, aliased, through a fragment", Who.OTHER_OPD,
                "query($id: ID!) { x: complaint(id: $id) { y: possibleDuplicates { ...P z: possibleDuplicates { ...P } } } }"
                        + " fragment P on Complaint { description timeline { note actorName } reporter { name } }",
                Map.of("id", w), dlhSecrets, Who.OPERATOR));
        for (String letter : List.of("C1", "Z", "S", "D")) {
            attacks.add(new Attack("complaint(id) of " + letter, Who.OTHER_OPD, "query($id: ID!) { complaint(id: $id) { " + deep + " } }",
                    Map.of("id", s.id(letter)), dlhSecrets, Who.OPERATOR));
            attacks.add(new Attack("complaintByTrackingNumber of " + letter, Who.OTHER_OPD,
                    "query($n: String!) { complaintByTrackingNumber(trackingNumber: $n) { " + deep + " } }",
                    Map.of("n", s.trackingNumbers.get(letter)), dlhSecrets, Who.OPERATOR));
        }
        // no control: DPUPR's queue holds every test's DPUPR complaints, so the scenario's may be past the first page
        // (the lookups of each of its complaints by id and number above are the controlled ones)
        attacks.add(new Attack("another OPD's queue", Who.OTHER_OPD,
                "{ opdQueue(opdCode: \"DPUPR\", first: 20) { edges { node { " + deep + " } } } }", Map.of(), dlhSecrets, null));
        attacks.add(new Attack("the intake queue", Who.OTHER_OPD,
                "{ intakeQueue(first: 20) { edges { node { " + deep + " } } } }", Map.of(), dlhSecrets, null));
        attacks.add(new Attack("its own queue, and the duplicates of each", Who.OTHER_OPD,
                "{ opdQueue(first: 3) { edges { node { description possibleDuplicates { " + deep + " } } } } }", Map.of(), dlhSecrets, null));

        // 3. the OPD that has Z now, after what DLH wrote while Z was with it
        attacks.add(new Attack("a rerouted complaint's earlier internal notes and staff names", Who.OPD,
                "query($id: ID!) { complaint(id: $id) { timeline { actorName message note internal } } }",
                Map.of("id", s.id("Z")), dpuprSecrets, Who.OPERATOR));
        attacks.add(new Attack("the same through possibleDuplicates of its other complaint", Who.OPD,
                "query($id: ID!) { complaint(id: $id) { possibleDuplicates { " + deep + " } } }",
                Map.of("id", c1), dpuprSecrets, Who.OPERATOR));
        attacks.add(new Attack("the same through its queue", Who.OPD,
                "{ opdQueue(first: 3) { edges { node { timeline { actorName message note } possibleDuplicates { " + deep + " } } } } }",
                Map.of(), dpuprSecrets, null));

        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Attack attack : attacks) {
            tried++;
            Map<String, Object> response = s.post(attack.who(), attack.document(), attack.variables());
            String refused = AccessScenario.refusal(response);
            if (refused != null && !refused.equals("FORBIDDEN") && !refused.equals("UNAUTHENTICATED")) {
                failures.add(attack.name() + ": not a valid attack, " + refused);
            }
            String text = response.toString();
            attack.secrets().stream().filter(text::contains)
                    .forEach(secret -> failures.add(attack.name() + " as " + attack.who() + " leaks " + secret));
            if (attack.control() != null) {
                String entitled = s.post(attack.control(), attack.document(), attack.variables()).toString();
                if (attack.secrets().stream().noneMatch(entitled::contains)) {
                    failures.add(attack.name() + ": the control as " + attack.control() + " sees no secret either (a vacuous attack)");
                }
            }
        }

        // 4. the events' payload: a replay from before the scenario, selecting everything
        String everything = "id complaintId complaint { " + deep + " duplicateOf { description } }";
        for (Who who : List.of(Who.OTHER_OPD, Who.OPD)) {
            tried++;
            List<Map<String, Object>> events = s.events(who,
                    "subscription($after: ID) { complaintEvents(after: $after) { " + everything + " } }", "complaintEvents");
            String text = events.toString();
            (who == Who.OPD ? dpuprSecrets : dlhSecrets).stream().filter(text::contains)
                    .forEach(secret -> failures.add("complaintEvents replay as " + who + " leaks " + secret));
            if (events.stream().noneMatch(e -> s.id(who == Who.OPD ? "C1" : "W").equals(e.get("complaintId")))) {
                failures.add("complaintEvents replay as " + who + ": not even its own events came");
            }
        }
        for (Who who : List.of(Who.OTHER_OPD)) {
            tried++;
            List<Map<String, Object>> events = s.events(who,
                    "subscription($after: ID) { complaintEvents(after: $after, filter: {opdCodes: [\"DPUPR\"]}) { " + everything + " } }",
                    "complaintEvents");
            if (!events.isEmpty()) {
                failures.add("complaintEvents filtered to another OPD as " + who + " sent " + events.size() + " events");
            }
        }
        tried++;
        List<Map<String, Object>> ownerEvents = s.events(Who.OWNER,
                "subscription($after: ID) { myComplaintEvents(after: $after) { " + everything + " } }", "myComplaintEvents");
        residentSecrets.stream().filter(ownerEvents.toString()::contains)
                .forEach(secret -> failures.add("myComplaintEvents as the owner leaks " + secret));

        // what the resident may know of the original still comes, through the app's own document
        Object reference = AccessScenario.at(s.post(Who.OWNER, id.go.cilegon.juare.graphql.OperationDocuments.load("ComplaintDetail"),
                Map.of("id", d)), "complaint.duplicateOfReference.trackingNumber");
        if (!s.trackingNumbers.get("W").equals(reference)) {
            failures.add("ComplaintDetail as the owner of D: duplicateOfReference is " + reference + ", not W's number");
        }

        System.out.println("HOSTILE field access: " + tried + " attacks tried (aliases, fragments, lists, lookups, events), "
                + failures.size() + " leaks");
        assertThat(failures).isEmpty();
    }
}
