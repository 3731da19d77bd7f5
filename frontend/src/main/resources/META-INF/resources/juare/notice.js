/*
 * Operators notice (issue 13): when complaints or transfer requests arrive on the intake screen, a short sound (made
 * with the Web Audio API, no audio file), a desktop notification if the operator allowed them (asked with a button,
 * never on load), and the count of what arrived unseen in the tab's title ("(3) Penerimaan · Juare"), until the
 * operator looks: touches a key, the mouse or the screen, or comes back to the tab. Also keeps the queue's "waiting
 * for" times counting between reloads (spans of class juare-waiting with data-since, epoch milliseconds).
 */
(function () {
    if (window.juareNotice) {
        return;
    }
    const PREFIX = /^\(\d+\) /;
    let unseen = 0;
    let audio = null;
    let units = {d: 'd', h: 'h', m: 'min', lt: '< 1 min'};

    function baseTitle() {
        return document.title.replace(PREFIX, '');
    }

    function showCount() {
        document.title = unseen > 0 ? '(' + unseen + ') ' + baseTitle() : baseTitle();
        document.documentElement.setAttribute('data-juare-unseen', String(unseen));
    }

    function seen() {
        if (unseen > 0) {
            unseen = 0;
            showCount();
        }
        // browsers let a page make sound only after a gesture: the first one readies the audio
        if (!audio && (window.AudioContext || window.webkitAudioContext)) {
            audio = new (window.AudioContext || window.webkitAudioContext)();
        }
        if (audio && audio.state === 'suspended') {
            audio.resume();
        }
    }

    ['pointerdown', 'keydown', 'touchstart'].forEach(type => document.addEventListener(type, seen, true));
    document.addEventListener('visibilitychange', () => {
        if (!document.hidden) {
            seen();
        }
    });
    window.addEventListener('focus', seen);

    /** Two short tones: rising for a new complaint, falling for a transfer request. */
    function beep(kind) {
        if (!audio || audio.state !== 'running') {
            return false;
        }
        const tones = kind === 'transfer' ? [660, 440] : [660, 880];
        const start = audio.currentTime + 0.02;
        tones.forEach((frequency, i) => {
            const oscillator = audio.createOscillator();
            const gain = audio.createGain();
            const at = start + i * 0.18;
            oscillator.type = 'sine';
            oscillator.frequency.value = frequency;
            gain.gain.setValueAtTime(0.0001, at);
            gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
            gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
            oscillator.connect(gain).connect(audio.destination);
            oscillator.start(at);
            oscillator.stop(at + 0.17);
        });
        return true;
    }

    function waitedText(since, now) {
        const minutes = Math.max(0, Math.floor((now - since) / 60000));
        if (minutes < 1) {
            return units.lt;
        }
        if (minutes < 60) {
            return minutes + ' ' + units.m;
        }
        if (minutes < 24 * 60) {
            return Math.floor(minutes / 60) + ' ' + units.h + ' ' + (minutes % 60) + ' ' + units.m;
        }
        const hours = Math.floor(minutes / 60);
        return Math.floor(hours / 24) + ' ' + units.d + ' ' + (hours % 24) + ' ' + units.h;
    }

    function tick() {
        const now = Date.now();
        document.querySelectorAll('.juare-waiting[data-since]').forEach(span => {
            const since = Number(span.getAttribute('data-since'));
            if (since > 0) {
                span.textContent = waitedText(since, now);
            }
        });
    }

    setInterval(tick, 30000);

    window.juareNotice = {
        /** The words of the waiting times, in the screen's language. */
        units(words) {
            units = words;
        },
        /** Something arrived: count it in the title, sound, and a desktop notification when allowed and not looking. */
        arrived(count, kind, title, body) {
            unseen += count;
            showCount();
            const sounded = beep(kind);
            document.documentElement.setAttribute('data-juare-sounded', String(sounded));
            if ('Notification' in window && Notification.permission === 'granted' && (document.hidden || !document.hasFocus())) {
                const note = new Notification(title, {body: body, tag: 'juare-' + kind});
                note.onclick = () => {
                    window.focus();
                    note.close();
                };
            }
        },
        /** The unseen count (tests, and the title after Vaadin sets one on navigation). */
        unseen() {
            return unseen;
        },
        /** 'granted', 'denied', 'default' or 'unsupported'. */
        permission() {
            return 'Notification' in window ? Notification.permission : 'unsupported';
        },
        /** Asks for permission (after the operator's click): resolves to the answer. */
        ask() {
            if (!('Notification' in window)) {
                return Promise.resolve('unsupported');
            }
            return Notification.requestPermission();
        }
    };
})();
