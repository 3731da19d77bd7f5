// Drives the npm open311 client against Juare: node client.js <base url> <resident access token>
// Prints one JSON object with what every call answered; exits 1 on an error.
const Open311 = require('open311');
const [base, apiKey] = process.argv.slice(2);
const city = new Open311({ discovery: base + '/open311/v2/discovery.json', apiKey: apiKey });
const out = {};
const fail = (step, err, body) => { console.error(step, err, body); process.exit(1); };
const requestId = 'npm-open311-' + Date.now();

city.serviceDiscovery({ cache: true }, (err, discovery) => {
  if (err) return fail('discovery', err, discovery);
  out.discovery = discovery;
  out.endpoint = city.endpoint;
  city.serviceList((err, services) => {
    if (err) return fail('services', err, services);
    out.services = services;
    city.serviceDefinition('JALAN', (err, definition) => {
      if (err) return fail('definition', err, definition);
      out.definition = definition;
      const report = {
        service_code: 'JALAN', lat: -6.035, long: 106.04035,
        description: 'Lubang besar di depan sekolah, dilaporkan lewat klien open311.',
        address_string: 'Jl. Ciwedus No. 1', attributes: { client_request_id: requestId }
      };
      city.submitRequest(report, (err, created) => {
        if (err) return fail('submit', err, created);
        out.created = created;
        city.submitRequest(report, (err, again) => {
          if (err) return fail('retry', err, again);
          out.retried = again;
          city.serviceRequest(created[0].service_request_id, { api_key: apiKey }, (err, one) => {
            if (err) return fail('request', err, one);
            out.request = one;
            city.serviceRequests({ api_key: apiKey, service_code: 'JALAN', status: 'open' }, (err, list) => {
              if (err) return fail('requests', err, list);
              out.requests = list;
              console.log(JSON.stringify(out));
            });
          });
        });
      });
    });
  });
});
