export const id = 487;

export const ids = [ 487 ];

export const modules = {
  1916: (__unused_webpack_module, exports) => {
    0;
    exports.Io = void 0;
    var peq = new Uint32Array(65536);
    var myers_32 = function(a, b) {
      var n = a.length;
      var m = b.length;
      var lst = 1 << n - 1;
      var pv = -1;
      var mv = 0;
      var sc = n;
      var i = n;
      while (i--) peq[a.charCodeAt(i)] |= 1 << i;
      for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= (eq & pv) + pv ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) sc++;
        if (pv & lst) sc--;
        mv = mv << 1 | 1;
        pv = pv << 1 | ~(xv | mv);
        mv &= xv;
      }
      i = n;
      while (i--) peq[a.charCodeAt(i)] = 0;
      return sc;
    };
    var myers_x = function(b, a) {
      var n = a.length;
      var m = b.length;
      var mhc = [];
      var phc = [];
      var hsize = Math.ceil(n / 32);
      var vsize = Math.ceil(m / 32);
      for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
      }
      var j = 0;
      for (;j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) peq[b.charCodeAt(k)] |= 1 << k;
        for (i = 0; i < n; i++) {
          var eq = peq[a.charCodeAt(i)];
          var pb = phc[i / 32 | 0] >>> i & 1;
          var mb = mhc[i / 32 | 0] >>> i & 1;
          var xv = eq | mv_1;
          var xh = ((eq | mb) & pv_1) + pv_1 ^ pv_1 | eq | mb;
          var ph = mv_1 | ~(xh | pv_1);
          var mh = pv_1 & xh;
          if (ph >>> 31 ^ pb) phc[i / 32 | 0] ^= 1 << i;
          if (mh >>> 31 ^ mb) mhc[i / 32 | 0] ^= 1 << i;
          ph = ph << 1 | pb;
          mh = mh << 1 | mb;
          pv_1 = mh | ~(xv | ph);
          mv_1 = ph & xv;
        }
        for (k = start_1; k < vlen_1; k++) peq[b.charCodeAt(k)] = 0;
      }
      var mv = 0;
      var pv = -1;
      var start = j * 32;
      var vlen = Math.min(32, m - start) + start;
      for (k = start; k < vlen; k++) peq[b.charCodeAt(k)] |= 1 << k;
      var score = m;
      for (i = 0; i < n; i++) {
        eq = peq[a.charCodeAt(i)];
        pb = phc[i / 32 | 0] >>> i & 1;
        mb = mhc[i / 32 | 0] >>> i & 1;
        xv = eq | mv;
        xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
        ph = mv | ~(xh | pv);
        mh = pv & xh;
        score += ph >>> m - 1 & 1;
        score -= mh >>> m - 1 & 1;
        if (ph >>> 31 ^ pb) phc[i / 32 | 0] ^= 1 << i;
        if (mh >>> 31 ^ mb) mhc[i / 32 | 0] ^= 1 << i;
        ph = ph << 1 | pb;
        mh = mh << 1 | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      for (k = start; k < vlen; k++) peq[b.charCodeAt(k)] = 0;
      return score;
    };
    var distance = function(a, b) {
      if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
      }
      if (b.length === 0) return a.length;
      if (a.length <= 32) return myers_32(a, b);
      return myers_x(a, b);
    };
    exports.Io = distance;
    var closest = function(str, arr) {
      var min_distance = 1 / 0;
      var min_index = 0;
      for (var i = 0; i < arr.length; i++) {
        var dist = distance(str, arr[i]);
        if (dist < min_distance) {
          min_distance = dist;
          min_index = i;
        }
      }
      return arr[min_index];
    };
    0;
  },
  7934: (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {
    __webpack_require__.d(__webpack_exports__, {
      FsL: () => pipe,
      Ikc: () => object,
      JFY: () => setGlobalMessage,
      KCZ: () => union,
      KIO: () => picklist,
      L5J: () => unknown,
      NpB: () => fallback,
      Ru6: () => maxLength,
      Wwf: () => minValue,
      Y2b: () => safeInteger,
      YOg: () => array,
      YjP: () => string,
      aig: () => number,
      cGV: () => maxValue,
      cl6: () => nullish,
      g1P: () => record,
      lqM: () => optional,
      rej: () => strictObject,
      xLC: () => safeParse,
      yGV: () => regex,
      z6Y: () => check,
      zMY: () => boolean
    });
    let store$4;
    const DEFAULT_CONFIG = {
      lang: void 0,
      message: void 0,
      abortEarly: void 0,
      abortPipeEarly: void 0
    };
    function getGlobalConfig(config$1) {
      if (!config$1 && !store$4) return DEFAULT_CONFIG;
      return {
        lang: config$1?.lang ?? store$4?.lang,
        message: config$1?.message,
        abortEarly: config$1?.abortEarly ?? store$4?.abortEarly,
        abortPipeEarly: config$1?.abortPipeEarly ?? store$4?.abortPipeEarly
      };
    }
    let store$3;
    function setGlobalMessage(message$1, lang) {
      if (!store$3) store$3 = new Map;
      store$3.set(lang, message$1);
    }
    function getGlobalMessage(lang) {
      return store$3?.get(lang);
    }
    let store$2;
    function getSchemaMessage(lang) {
      return store$2?.get(lang);
    }
    let store$1;
    function getSpecificMessage(reference, lang) {
      return store$1?.get(reference)?.get(lang);
    }
    function _stringify(input) {
      const type = typeof input;
      if (type === "string") return `"${input}"`;
      if (type === "number" || type === "bigint" || type === "boolean") return `${input}`;
      if (type === "object" || type === "function") return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? "null";
      return type;
    }
    function _addIssue(context, label, dataset, config$1, other) {
      const input = other && "input" in other ? other.input : dataset.value;
      const expected = other?.expected ?? context.expects ?? null;
      const received = other?.received ?? _stringify(input);
      const issue = {
        kind: context.kind,
        type: context.type,
        input: input,
        expected: expected,
        received: received,
        message: `Invalid ${label}: ${expected ? `Expected ${expected} but r` : "R"}eceived ${received}`,
        requirement: context.requirement,
        path: other?.path,
        issues: other?.issues,
        lang: config$1.lang,
        abortEarly: config$1.abortEarly,
        abortPipeEarly: config$1.abortPipeEarly
      };
      const isSchema = context.kind === "schema";
      const message$1 = other?.message ?? context.message ?? getSpecificMessage(context.reference, issue.lang) ?? (isSchema ? getSchemaMessage(issue.lang) : null) ?? config$1.message ?? getGlobalMessage(issue.lang);
      if (message$1 !== void 0) issue.message = typeof message$1 === "function" ? message$1(issue) : message$1;
      if (isSchema) dataset.typed = false;
      if (dataset.issues) dataset.issues.push(issue); else dataset.issues = [ issue ];
    }
    function _isValidObjectKey(object$1, key) {
      return Object.prototype.hasOwnProperty.call(object$1, key) && key !== "__proto__" && key !== "prototype" && key !== "constructor";
    }
    function _joinExpects(values$1, separator) {
      const list = [ ...new Set(values$1) ];
      if (list.length > 1) return `(${list.join(` ${separator} `)})`;
      return list[0] ?? "never";
    }
    function _standardSchema(schema) {
      schema["~standard"] = {
        version: 1,
        vendor: "valibot",
        validate: value$1 => schema["~run"]({
          value: value$1
        }, getGlobalConfig())
      };
      return schema;
    }
    Error;
    function check(requirement, message$1) {
      return {
        kind: "validation",
        type: "check",
        reference: check,
        async: false,
        expects: null,
        requirement: requirement,
        message: message$1,
        "~run"(dataset, config$1) {
          if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "input", dataset, config$1);
          return dataset;
        }
      };
    }
    function maxLength(requirement, message$1) {
      return {
        kind: "validation",
        type: "max_length",
        reference: maxLength,
        async: false,
        expects: `<=${requirement}`,
        requirement: requirement,
        message: message$1,
        "~run"(dataset, config$1) {
          if (dataset.typed && dataset.value.length > this.requirement) _addIssue(this, "length", dataset, config$1, {
            received: `${dataset.value.length}`
          });
          return dataset;
        }
      };
    }
    function maxValue(requirement, message$1) {
      return {
        kind: "validation",
        type: "max_value",
        reference: maxValue,
        async: false,
        expects: `<=${requirement instanceof Date ? requirement.toJSON() : _stringify(requirement)}`,
        requirement: requirement,
        message: message$1,
        "~run"(dataset, config$1) {
          if (dataset.typed && !(dataset.value <= this.requirement)) _addIssue(this, "value", dataset, config$1, {
            received: dataset.value instanceof Date ? dataset.value.toJSON() : _stringify(dataset.value)
          });
          return dataset;
        }
      };
    }
    function minValue(requirement, message$1) {
      return {
        kind: "validation",
        type: "min_value",
        reference: minValue,
        async: false,
        expects: `>=${requirement instanceof Date ? requirement.toJSON() : _stringify(requirement)}`,
        requirement: requirement,
        message: message$1,
        "~run"(dataset, config$1) {
          if (dataset.typed && !(dataset.value >= this.requirement)) _addIssue(this, "value", dataset, config$1, {
            received: dataset.value instanceof Date ? dataset.value.toJSON() : _stringify(dataset.value)
          });
          return dataset;
        }
      };
    }
    function regex(requirement, message$1) {
      return {
        kind: "validation",
        type: "regex",
        reference: regex,
        async: false,
        expects: `${requirement}`,
        requirement: requirement,
        message: message$1,
        "~run"(dataset, config$1) {
          if (dataset.typed && !this.requirement.test(dataset.value)) _addIssue(this, "format", dataset, config$1);
          return dataset;
        }
      };
    }
    function safeInteger(message$1) {
      return {
        kind: "validation",
        type: "safe_integer",
        reference: safeInteger,
        async: false,
        expects: null,
        requirement: Number.isSafeInteger,
        message: message$1,
        "~run"(dataset, config$1) {
          if (dataset.typed && !this.requirement(dataset.value)) _addIssue(this, "safe integer", dataset, config$1);
          return dataset;
        }
      };
    }
    function getFallback(schema, dataset, config$1) {
      return typeof schema.fallback === "function" ? schema.fallback(dataset, config$1) : schema.fallback;
    }
    function fallback(schema, fallback$1) {
      return _standardSchema({
        ...schema,
        fallback: fallback$1,
        "~run"(dataset, config$1) {
          const outputDataset = schema["~run"](dataset, config$1);
          return outputDataset.issues ? {
            typed: true,
            value: getFallback(this, outputDataset, config$1)
          } : outputDataset;
        }
      });
    }
    function getDefault(schema, dataset, config$1) {
      return typeof schema.default === "function" ? schema.default(dataset, config$1) : schema.default;
    }
    function array(item, message$1) {
      return _standardSchema({
        kind: "schema",
        type: "array",
        reference: array,
        expects: "Array",
        async: false,
        item: item,
        message: message$1,
        "~run"(dataset, config$1) {
          const input = dataset.value;
          if (Array.isArray(input)) {
            dataset.typed = true;
            dataset.value = [];
            for (let key = 0; key < input.length; key++) {
              const value$1 = input[key];
              const itemDataset = this.item["~run"]({
                value: value$1
              }, config$1);
              if (itemDataset.issues) {
                const pathItem = {
                  type: "array",
                  origin: "value",
                  input: input,
                  key: key,
                  value: value$1
                };
                for (const issue of itemDataset.issues) {
                  if (issue.path) issue.path.unshift(pathItem); else issue.path = [ pathItem ];
                  dataset.issues?.push(issue);
                }
                if (!dataset.issues) dataset.issues = itemDataset.issues;
                if (config$1.abortEarly) {
                  dataset.typed = false;
                  break;
                }
              }
              if (!itemDataset.typed) dataset.typed = false;
              dataset.value.push(itemDataset.value);
            }
          } else _addIssue(this, "type", dataset, config$1);
          return dataset;
        }
      });
    }
    function boolean(message$1) {
      return _standardSchema({
        kind: "schema",
        type: "boolean",
        reference: boolean,
        expects: "boolean",
        async: false,
        message: message$1,
        "~run"(dataset, config$1) {
          if (typeof dataset.value === "boolean") dataset.typed = true; else _addIssue(this, "type", dataset, config$1);
          return dataset;
        }
      });
    }
    function nullish(wrapped, default_) {
      return _standardSchema({
        kind: "schema",
        type: "nullish",
        reference: nullish,
        expects: `(${wrapped.expects} | null | undefined)`,
        async: false,
        wrapped: wrapped,
        default: default_,
        "~run"(dataset, config$1) {
          if (dataset.value === null || dataset.value === void 0) {
            if (this.default !== void 0) dataset.value = getDefault(this, dataset, config$1);
            if (dataset.value === null || dataset.value === void 0) {
              dataset.typed = true;
              return dataset;
            }
          }
          return this.wrapped["~run"](dataset, config$1);
        }
      });
    }
    function number(message$1) {
      return _standardSchema({
        kind: "schema",
        type: "number",
        reference: number,
        expects: "number",
        async: false,
        message: message$1,
        "~run"(dataset, config$1) {
          if (typeof dataset.value === "number" && !isNaN(dataset.value)) dataset.typed = true; else _addIssue(this, "type", dataset, config$1);
          return dataset;
        }
      });
    }
    function object(entries$1, message$1) {
      return _standardSchema({
        kind: "schema",
        type: "object",
        reference: object,
        expects: "Object",
        async: false,
        entries: entries$1,
        message: message$1,
        "~run"(dataset, config$1) {
          const input = dataset.value;
          if (input && typeof input === "object") {
            dataset.typed = true;
            dataset.value = {};
            for (const key in this.entries) {
              const valueSchema = this.entries[key];
              if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
                const value$1 = key in input ? input[key] : getDefault(valueSchema);
                const valueDataset = valueSchema["~run"]({
                  value: value$1
                }, config$1);
                if (valueDataset.issues) {
                  const pathItem = {
                    type: "object",
                    origin: "value",
                    input: input,
                    key: key,
                    value: value$1
                  };
                  for (const issue of valueDataset.issues) {
                    if (issue.path) issue.path.unshift(pathItem); else issue.path = [ pathItem ];
                    dataset.issues?.push(issue);
                  }
                  if (!dataset.issues) dataset.issues = valueDataset.issues;
                  if (config$1.abortEarly) {
                    dataset.typed = false;
                    break;
                  }
                }
                if (!valueDataset.typed) dataset.typed = false;
                dataset.value[key] = valueDataset.value;
              } else if (valueSchema.fallback !== void 0) dataset.value[key] = getFallback(valueSchema); else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
                _addIssue(this, "key", dataset, config$1, {
                  input: void 0,
                  expected: `"${key}"`,
                  path: [ {
                    type: "object",
                    origin: "key",
                    input: input,
                    key: key,
                    value: input[key]
                  } ]
                });
                if (config$1.abortEarly) break;
              }
            }
          } else _addIssue(this, "type", dataset, config$1);
          return dataset;
        }
      });
    }
    function optional(wrapped, default_) {
      return _standardSchema({
        kind: "schema",
        type: "optional",
        reference: optional,
        expects: `(${wrapped.expects} | undefined)`,
        async: false,
        wrapped: wrapped,
        default: default_,
        "~run"(dataset, config$1) {
          if (dataset.value === void 0) {
            if (this.default !== void 0) dataset.value = getDefault(this, dataset, config$1);
            if (dataset.value === void 0) {
              dataset.typed = true;
              return dataset;
            }
          }
          return this.wrapped["~run"](dataset, config$1);
        }
      });
    }
    function picklist(options, message$1) {
      return _standardSchema({
        kind: "schema",
        type: "picklist",
        reference: picklist,
        expects: _joinExpects(options.map(_stringify), "|"),
        async: false,
        options: options,
        message: message$1,
        "~run"(dataset, config$1) {
          if (this.options.includes(dataset.value)) dataset.typed = true; else _addIssue(this, "type", dataset, config$1);
          return dataset;
        }
      });
    }
    function record(key, value$1, message$1) {
      return _standardSchema({
        kind: "schema",
        type: "record",
        reference: record,
        expects: "Object",
        async: false,
        key: key,
        value: value$1,
        message: message$1,
        "~run"(dataset, config$1) {
          const input = dataset.value;
          if (input && typeof input === "object") {
            dataset.typed = true;
            dataset.value = {};
            for (const entryKey in input) if (_isValidObjectKey(input, entryKey)) {
              const entryValue = input[entryKey];
              const keyDataset = this.key["~run"]({
                value: entryKey
              }, config$1);
              if (keyDataset.issues) {
                const pathItem = {
                  type: "object",
                  origin: "key",
                  input: input,
                  key: entryKey,
                  value: entryValue
                };
                for (const issue of keyDataset.issues) {
                  issue.path = [ pathItem ];
                  dataset.issues?.push(issue);
                }
                if (!dataset.issues) dataset.issues = keyDataset.issues;
                if (config$1.abortEarly) {
                  dataset.typed = false;
                  break;
                }
              }
              const valueDataset = this.value["~run"]({
                value: entryValue
              }, config$1);
              if (valueDataset.issues) {
                const pathItem = {
                  type: "object",
                  origin: "value",
                  input: input,
                  key: entryKey,
                  value: entryValue
                };
                for (const issue of valueDataset.issues) {
                  if (issue.path) issue.path.unshift(pathItem); else issue.path = [ pathItem ];
                  dataset.issues?.push(issue);
                }
                if (!dataset.issues) dataset.issues = valueDataset.issues;
                if (config$1.abortEarly) {
                  dataset.typed = false;
                  break;
                }
              }
              if (!keyDataset.typed || !valueDataset.typed) dataset.typed = false;
              if (keyDataset.typed) dataset.value[keyDataset.value] = valueDataset.value;
            }
          } else _addIssue(this, "type", dataset, config$1);
          return dataset;
        }
      });
    }
    function strictObject(entries$1, message$1) {
      return _standardSchema({
        kind: "schema",
        type: "strict_object",
        reference: strictObject,
        expects: "Object",
        async: false,
        entries: entries$1,
        message: message$1,
        "~run"(dataset, config$1) {
          const input = dataset.value;
          if (input && typeof input === "object") {
            dataset.typed = true;
            dataset.value = {};
            for (const key in this.entries) {
              const valueSchema = this.entries[key];
              if (key in input || (valueSchema.type === "exact_optional" || valueSchema.type === "optional" || valueSchema.type === "nullish") && valueSchema.default !== void 0) {
                const value$1 = key in input ? input[key] : getDefault(valueSchema);
                const valueDataset = valueSchema["~run"]({
                  value: value$1
                }, config$1);
                if (valueDataset.issues) {
                  const pathItem = {
                    type: "object",
                    origin: "value",
                    input: input,
                    key: key,
                    value: value$1
                  };
                  for (const issue of valueDataset.issues) {
                    if (issue.path) issue.path.unshift(pathItem); else issue.path = [ pathItem ];
                    dataset.issues?.push(issue);
                  }
                  if (!dataset.issues) dataset.issues = valueDataset.issues;
                  if (config$1.abortEarly) {
                    dataset.typed = false;
                    break;
                  }
                }
                if (!valueDataset.typed) dataset.typed = false;
                dataset.value[key] = valueDataset.value;
              } else if (valueSchema.fallback !== void 0) dataset.value[key] = getFallback(valueSchema); else if (valueSchema.type !== "exact_optional" && valueSchema.type !== "optional" && valueSchema.type !== "nullish") {
                _addIssue(this, "key", dataset, config$1, {
                  input: void 0,
                  expected: `"${key}"`,
                  path: [ {
                    type: "object",
                    origin: "key",
                    input: input,
                    key: key,
                    value: input[key]
                  } ]
                });
                if (config$1.abortEarly) break;
              }
            }
            if (!dataset.issues || !config$1.abortEarly) for (const key in input) if (!Object.prototype.hasOwnProperty.call(this.entries, key)) {
              _addIssue(this, "key", dataset, config$1, {
                input: key,
                expected: "never",
                path: [ {
                  type: "object",
                  origin: "key",
                  input: input,
                  key: key,
                  value: input[key]
                } ]
              });
              break;
            }
          } else _addIssue(this, "type", dataset, config$1);
          return dataset;
        }
      });
    }
    function string(message$1) {
      return _standardSchema({
        kind: "schema",
        type: "string",
        reference: string,
        expects: "string",
        async: false,
        message: message$1,
        "~run"(dataset, config$1) {
          if (typeof dataset.value === "string") dataset.typed = true; else _addIssue(this, "type", dataset, config$1);
          return dataset;
        }
      });
    }
    function _subIssues(datasets) {
      let issues;
      if (datasets) for (const dataset of datasets) if (issues) for (const issue of dataset.issues) issues.push(issue); else issues = dataset.issues;
      return issues;
    }
    function union(options, message$1) {
      return _standardSchema({
        kind: "schema",
        type: "union",
        reference: union,
        expects: _joinExpects(options.map(option => option.expects), "|"),
        async: false,
        options: options,
        message: message$1,
        "~run"(dataset, config$1) {
          let validDataset;
          let typedDatasets;
          let untypedDatasets;
          for (const schema of this.options) {
            const optionDataset = schema["~run"]({
              value: dataset.value
            }, config$1);
            if (optionDataset.typed) if (optionDataset.issues) if (typedDatasets) typedDatasets.push(optionDataset); else typedDatasets = [ optionDataset ]; else {
              validDataset = optionDataset;
              break;
            } else if (untypedDatasets) untypedDatasets.push(optionDataset); else untypedDatasets = [ optionDataset ];
          }
          if (validDataset) return validDataset;
          if (typedDatasets) {
            if (typedDatasets.length === 1) return typedDatasets[0];
            _addIssue(this, "type", dataset, config$1, {
              issues: _subIssues(typedDatasets)
            });
            dataset.typed = true;
          } else if (untypedDatasets?.length === 1) return untypedDatasets[0]; else _addIssue(this, "type", dataset, config$1, {
            issues: _subIssues(untypedDatasets)
          });
          return dataset;
        }
      });
    }
    function unknown() {
      return _standardSchema({
        kind: "schema",
        type: "unknown",
        reference: unknown,
        expects: "unknown",
        async: false,
        "~run"(dataset) {
          dataset.typed = true;
          return dataset;
        }
      });
    }
    function pipe(...pipe$1) {
      return _standardSchema({
        ...pipe$1[0],
        pipe: pipe$1,
        "~run"(dataset, config$1) {
          for (const item of pipe$1) if (item.kind !== "metadata") {
            if (dataset.issues && (item.kind === "schema" || item.kind === "transformation")) {
              dataset.typed = false;
              break;
            }
            if (!dataset.issues || !config$1.abortEarly && !config$1.abortPipeEarly) dataset = item["~run"](dataset, config$1);
          }
          return dataset;
        }
      });
    }
    function safeParse(schema, input, config$1) {
      const dataset = schema["~run"]({
        value: input
      }, getGlobalConfig(config$1));
      return {
        typed: dataset.typed,
        success: !dataset.issues,
        output: dataset.value,
        issues: dataset.issues
      };
    }
  }
};
//# sourceMappingURL=487.index.js.map