package id.go.cilegon.juare.event;

public enum ActorType {
    RESIDENT,
    STAFF,
    SYSTEM
}
