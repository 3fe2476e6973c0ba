export const id = 578;

export const ids = [ 578 ];

export const modules = {
  9578: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.r(__webpack_exports__);
    __webpack_require__.d(__webpack_exports__, {
      agentFor: () => agentFor,
      preopen: () => preopen
    });
    var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
    __webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
    var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
    __webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
    var _urls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5769);
    async function agentFor(secure, proxy, options) {
      if (proxy) return (await __webpack_require__.e(18).then(__webpack_require__.bind(__webpack_require__, 18))).tunnelAgent(secure, proxy, options);
      const settings = {
        keepAlive: true,
        maxSockets: options.maxSockets,
        scheduling: "lifo"
      };
      if (!secure) return new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent(settings);
      const {Agent: HttpsAgent} = await Promise.resolve().then(__webpack_require__.t.bind(__webpack_require__, 4708, 23));
      return new HttpsAgent(settings);
    }
    function preopen(agent, host, port) {
      const own = agent;
      const original = own.createConnection;
      const options = {
        ...own.options,
        host: host,
        port: port,
        servername: (0, node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host) ? "" : host
      };
      options._agentKey = own.getName(options);
      const connect = (connection, created) => {
        const returned = original.call(agent, connection, created);
        if (returned) created(null, returned);
        return returned;
      };
      let settled = false;
      let closed = false;
      let socket;
      let taker;
      const swallow = () => {};
      const give = ({created: created, connection: connection}) => {
        const open = socket;
        socket = void 0;
        if (open && !open.destroyed && open.readable && open.readableLength === 0) {
          open.removeListener("error", swallow);
          created(null, open);
        } else {
          open?.destroy();
          connect(connection, created);
        }
      };
      const opened = (error, opening) => {
        if (settled) return;
        settled = true;
        if (closed && !taker) return void opening?.destroy();
        if (!error && opening) {
          opening.on("error", swallow);
          socket = opening;
        }
        if (taker) give(taker);
      };
      const returned = connect({
        ...options
      }, opened);
      own.createConnection = function(connection, created) {
        if ((0, _urls_js__WEBPACK_IMPORTED_MODULE_2__.jG)(String(connection.host)) !== host || Number(connection.port) !== port) return original.call(this, connection, created);
        own.createConnection = original;
        taker = {
          created: created,
          connection: connection
        };
        if (settled) give(taker);
        return;
      };
      return {
        started: underWay(returned, host),
        close: () => {
          closed = true;
          if (own.createConnection !== original && !taker) own.createConnection = original;
          socket?.destroy();
          socket = void 0;
        }
      };
    }
    function underWay(socket, host) {
      const tick = () => new Promise(resolve => setImmediate(resolve));
      const net = socket;
      if (!net?.connecting || (0, node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host)) return tick();
      return new Promise(resolve => {
        const timer = setTimeout(() => done(), LOOKUP_WAIT_MS);
        const done = () => {
          clearTimeout(timer);
          for (const event of EVENTS) net.removeListener(event, done);
          resolve();
        };
        for (const event of EVENTS) net.once(event, done);
      }).then(tick);
    }
    const EVENTS = [ "lookup", "connect", "error", "close" ];
    const LOOKUP_WAIT_MS = 25;
  }
};
//# sourceMappingURL=578.index.js.map