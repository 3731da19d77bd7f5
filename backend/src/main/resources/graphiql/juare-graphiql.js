// GraphiQL for the Juare API: queries and mutations over HTTP, subscriptions over graphql-ws (the client bundled in
// GraphiQL's UMD build), all to this origin. The Headers tab's headers go with every HTTP request and, for a
// subscription, in connection_init's payload: {"Authorization": "Bearer <accessToken>"} signs in on both.
(function () {
  'use strict';
  var body = document.body;
  var http = new URL(body.getAttribute('data-http-path') || '/graphql', window.location.href);
  var wsPath = body.getAttribute('data-ws-path');
  var options = { url: http.href };
  if (wsPath) {
    options.subscriptionUrl = (http.protocol === 'https:' ? 'wss://' : 'ws://') + http.host + wsPath;
  }
  var defaultQuery = [
    '# The Juare API (Kota Cilegon complaints). The Docs button (top left) lists every type and field.',
    '#',
    '# Public operations need no token. To act as a resident (requestOtp, verifyOtp) or as staff (login), copy',
    '# session.accessToken from the answer into the Headers tab below:',
    '#   {"Authorization": "Bearer <accessToken>"}',
    '# Subscriptions (complaintEvents, myComplaintEvents) run over graphql-ws with the same header.',
    '',
    'query Categories {',
    '  categories {',
    '    code',
    '    nameId',
    '    nameEn',
    '    replyHours',
    '  }',
    '}',
    ''
  ].join('\n');
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher(options),
    defaultQuery: defaultQuery,
    defaultEditorToolsVisibility: 'headers',
    // a token typed into the Headers tab is not written to localStorage
    shouldPersistHeaders: false
  }));
})();
