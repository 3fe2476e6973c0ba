export const id = 18;

export const ids = [ 18 ];

export const modules = {
  18: (__unused_webpack_module, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.r(__webpack_exports__);
    __webpack_require__.d(__webpack_exports__, {
      tunnelAgent: () => tunnelAgent
    });
    var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
    __webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
    var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
    __webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
    function tunnelAgent(secure, proxy, options) {
      const settings = {
        keepAlive: true,
        maxSockets: options.maxSockets,
        scheduling: "lifo"
      };
      if (secure) {
        const agent = new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent(settings);
        const tls = node_https__WEBPACK_IMPORTED_MODULE_1__.Agent.prototype.createConnection;
        overrideConnection(agent, proxy, options, (socket, connection) => tls.call(agent, {
          ...connection,
          socket: socket
        }));
        return agent;
      }
      const agent = new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent(settings);
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
      const request = (secureProxy ? node_https__WEBPACK_IMPORTED_MODULE_1__.request : node_http__WEBPACK_IMPORTED_MODULE_0__.request)({
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
  }
};
//# sourceMappingURL=18.index.js.map