/*
 * The wall's OPD table a page at a time (wall/ui/WallOpdTable). Only the browser knows how tall the rows are at this
 * screen's size, so it splits them into pages that fit the frame, shows one, turns to the next every `every` ms and
 * writes "1/3" into the indicator (empty when all fit). It lays out again when the frame changes size and when the
 * server replaces the rows (new figures), staying on the page it shows. The table gets data-page and data-pages.
 */
(function () {
    'use strict';

    const OFF = 'juare-wall-off-page';

    function paginate(frame, indicator, every, titleTemplate) {
        if (frame.__juareWall) {
            frame.__juareWall.stop();
        }
        const state = {page: 0, pages: [], timer: null, resize: null, mutations: null};

        function rows() {
            const body = frame.querySelector('tbody');
            return body ? Array.from(body.rows) : [];
        }

        /* pages as [first, end) row indexes, greedily filling the frame's height */
        function layout() {
            const table = frame.querySelector('table');
            if (!table) {
                return;
            }
            const all = rows();
            all.forEach(row => row.classList.remove(OFF));
            const head = table.tHead ? table.tHead.offsetHeight : 0;
            const room = frame.clientHeight - head;
            const pages = [];
            let first = 0;
            let used = 0;
            all.forEach((row, i) => {
                const height = row.offsetHeight;
                if (i > first && used + height > room) {
                    pages.push([first, i]);
                    first = i;
                    used = 0;
                }
                used += height;
            });
            if (all.length > first || pages.length === 0) {
                pages.push([first, all.length]);
            }
            state.pages = pages;
            if (state.page >= pages.length) {
                state.page = 0;
            }
            show();
        }

        function show() {
            const table = frame.querySelector('table');
            const [first, end] = state.pages[state.page] || [0, 0];
            rows().forEach((row, i) => row.classList.toggle(OFF, i < first || i >= end));
            const count = state.pages.length;
            if (table) {
                table.dataset.page = String(state.page + 1);
                table.dataset.pages = String(count);
            }
            if (indicator) {
                indicator.textContent = count > 1 ? (state.page + 1) + '/' + count : '';
                indicator.title = count > 1
                    ? titleTemplate.replace('{0}', String(state.page + 1)).replace('{1}', String(count)) : '';
            }
        }

        state.stop = function () {
            clearInterval(state.timer);
            if (state.resize) {
                state.resize.disconnect();
            }
            if (state.mutations) {
                state.mutations.disconnect();
            }
            delete frame.__juareWall;
        };

        state.timer = setInterval(() => {
            if (!frame.isConnected) {
                state.stop();
                return;
            }
            if (state.pages.length > 1) {
                state.page = (state.page + 1) % state.pages.length;
                show();
            }
        }, Math.max(1000, every));
        if (window.ResizeObserver) {
            state.resize = new ResizeObserver(() => layout());
            state.resize.observe(frame);
        }
        // the server replaces the rows when the figures change: lay them out again (before the next paint)
        state.mutations = new MutationObserver(() => layout());
        state.mutations.observe(frame, {childList: true, subtree: true, characterData: true});
        frame.__juareWall = state;
        layout();
    }

    window.JuareWall = {paginate};
})();
