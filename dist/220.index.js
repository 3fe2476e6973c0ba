export const id = 220;

export const ids = [ 220 ];

export const modules = {
  4220: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.r(__webpack_exports__);
    __webpack_require__.d(__webpack_exports__, {
      agentFor: () => agentFor,
      preopen: () => preopen,
      unbracketed: () => unbracketed
    });
    var external_node_http_ = __webpack_require__(7067);
    var external_node_https_ = __webpack_require__(4708);
    var external_node_net_ = __webpack_require__(7030);
    function tunnelAgent(secure, proxy, options) {
      const settings = {
        keepAlive: true,
        maxSockets: options.maxSockets,
        scheduling: "lifo"
      };
      if (secure) {
        const agent = new external_node_https_.Agent(settings);
        const tls = external_node_https_.Agent.prototype.createConnection;
        overrideConnection(agent, proxy, options, (socket, connection) => tls.call(agent, {
          ...connection,
          socket: socket
        }));
        return agent;
      }
      const agent = new external_node_http_.Agent(settings);
      overrideConnection(agent, proxy, options, socket => socket);
      return agent;
    }
    function overrideConnection(agent, proxy, options, wrap) {
      Object.assign(agent, {
        createConnection: (connection, created) => {
          openTunnel(proxy, options.timeoutMs, `${connection.host ?? ""}:${connection.port ?? ""}`, (error, socket) => {
            if (error || !socket) return created(error ?? new Error("no tunnel"));
            let wrapped;
            try {
              wrapped = wrap(socket, connection);
            } catch (cause) {
              socket.destroy();
              return created(cause instanceof Error ? cause : new Error(String(cause)));
            }
            created(null, wrapped);
          });
          return;
        }
      });
    }
    function openTunnel(proxy, timeoutMs, target, done) {
      const headers = {
        host: target
      };
      if (proxy.username || proxy.password) headers["Proxy-Authorization"] = `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString("base64")}`;
      const secureProxy = proxy.protocol === "https:";
      const request = (secureProxy ? external_node_https_.request : external_node_http_.request)({
        host: proxy.hostname,
        port: proxy.port || (secureProxy ? 443 : 80),
        method: "CONNECT",
        path: target,
        headers: headers,
        agent: false,
        timeout: timeoutMs
      });
      const failed = why => Object.assign(new Error(`tunneling socket could not be established, ${why}`), {
        code: "ECONNRESET"
      });
      request.once("connect", (response, socket, head) => {
        request.removeAllListeners("error");
        request.removeAllListeners("timeout");
        request.on("error", () => {});
        if (response.statusCode !== 200 || head.length > 0) {
          socket.destroy();
          return done(failed(response.statusCode !== 200 ? `statusCode=${response.statusCode}` : "the proxy sent data"));
        }
        socket.setTimeout(0);
        done(null, socket);
      });
      request.once("timeout", () => request.destroy(failed(`no answer from the proxy within ${timeoutMs / 1e3} s`)));
      request.once("error", error => done(failed(`cause=${error.message.replace(/^tunneling socket could not be established, /, "")}`)));
      request.end();
    }
    function agentFor(secure, proxy, options) {
      if (proxy) return tunnelAgent(secure, proxy, options);
      const settings = {
        keepAlive: true,
        maxSockets: options.maxSockets,
        scheduling: "lifo"
      };
      return secure ? new external_node_https_.Agent(settings) : new external_node_http_.Agent(settings);
    }
    function preopen(agent, host, port) {
      const own = agent;
      const original = own.createConnection;
      const options = {
        ...own.options,
        host: host,
        port: port,
        servername: (0, external_node_net_.isIP)(host) ? "" : host
      };
      options._agentKey = own.getName(options);
      let settled = false;
      let closed = false;
      let socket;
      let taker;
      const swallow = () => {};
      const give = (created, connection) => {
        const open = socket;
        socket = void 0;
        if (open && !open.destroyed) {
          open.removeListener("error", swallow);
          created(null, open);
        } else {
          const returned = original.call(agent, connection, created);
          if (returned) created(null, returned);
        }
      };
      let takerConnection = options;
      const opened = (error, opening) => {
        if (settled) return;
        settled = true;
        if (closed && !taker) return void opening?.destroy();
        if (!error && opening) {
          opening.on("error", swallow);
          socket = opening;
        }
        if (taker) give(taker, takerConnection);
      };
      const returned = original.call(agent, {
        ...options
      }, opened);
      if (returned) opened(null, returned);
      own.createConnection = function(connection, created) {
        if (unbracketed(String(connection.host)) !== host || Number(connection.port) !== port) return original.call(this, connection, created);
        own.createConnection = original;
        if (settled) give(created, connection); else [taker, takerConnection] = [ created, connection ];
        return;
      };
      return {
        started: underWay(returned),
        close: () => {
          closed = true;
          if (own.createConnection !== original && !taker) own.createConnection = original;
          socket?.destroy();
          socket = void 0;
        }
      };
    }
    function underWay(socket) {
      const tick = () => new Promise(resolve => setImmediate(resolve));
      const net = socket;
      if (!net?.connecting) return tick();
      return new Promise(resolve => {
        const done = () => {
          for (const event of EVENTS) net.removeListener(event, done);
          resolve();
        };
        for (const event of EVENTS) net.once(event, done);
      }).then(tick);
    }
    const EVENTS = [ "lookup", "connect", "error", "close" ];
    const unbracketed = host => host.replace(/^\[|\]$/g, "");
  }
};
//# sourceMappingURL=220.index.js.map