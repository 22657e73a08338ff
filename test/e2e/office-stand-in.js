/**
 * A stand-in for office.js in Outlook, injected by the browser tests in place of the real file
 * (harness.ts serves it at office-js/office.js). It follows the Office.js mailbox API shapes the
 * pane uses, for read and compose:
 *   Office.onReady / Office.initialize, Office.context.mailbox.item (itemType, from/sender/to/cc as
 *   EmailAddressDetails in read mode; to/cc/bcc/from with getAsync(callback) in compose mode),
 *   mailbox.addHandlerAsync(ItemChanged | OfficeThemeChanged), item.addHandlerAsync(RecipientsChanged),
 *   AsyncResult { status, value, error }, context.requirements.isSetSupported('Mailbox', v),
 *   context.roamingSettings (get/set/remove/saveAsync), context.officeTheme, mailbox.userProfile.
 * Events are refused, as Outlook refuses them, when the configured Mailbox version lacks them.
 *
 * Configure before it loads with window.__officeStandInConfig = { mailboxVersion, user, item, theme };
 * drive it from the test through window.__officeStandIn (see the end of this file).
 */
(() => {
  const config = Object.assign({ mailboxVersion: '1.14', platform: 'OfficeOnline', user: null, item: null, theme: null }, window.__officeStandInConfig || {});
  const EventType = { ItemChanged: 'olkItemSelectedChanged', RecipientsChanged: 'olkRecipientsChanged', OfficeThemeChanged: 'officeThemeChanged' };
  const AsyncResultStatus = { Succeeded: 'succeeded', Failed: 'failed' };
  const EVENT_VERSION = { [EventType.ItemChanged]: '1.5', [EventType.RecipientsChanged]: '1.7', [EventType.OfficeThemeChanged]: '1.14' };

  const versionAtLeast = (have, want) => {
    const a = String(have).split('.').map(Number);
    const b = String(want).split('.').map(Number);
    for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
    return true;
  };
  const supported = (version) => versionAtLeast(config.mailboxVersion, version);
  const result = (value, error) =>
    error ? { status: AsyncResultStatus.Failed, value: undefined, error: { name: error.name, message: error.message, code: error.code }, asyncContext: undefined } : { status: AsyncResultStatus.Succeeded, value, asyncContext: undefined };
  /** Office.js calls back asynchronously, never inside the call. */
  const later = (fn) => setTimeout(fn, 0);
  /** Office.js takes (options, callback) or (callback). */
  const callbackOf = (a, b) => (typeof a === 'function' ? a : b);
  const details = (p) => ({ displayName: p.name || '', emailAddress: p.address || '', recipientType: p.recipientType || 'user' });

  const log = { handlers: [], getAsync: [], saves: 0 };

  function eventSource(handlers) {
    return {
      addHandlerAsync(type, handler, a, b) {
        const callback = callbackOf(a, b);
        const version = EVENT_VERSION[type];
        if (!version || !supported(version)) {
          if (callback) later(() => callback(result(undefined, { name: 'InvalidEventType', message: `The event type ${type} is not supported.`, code: 9010 })));
          return;
        }
        (handlers[type] = handlers[type] || []).push(handler);
        log.handlers.push(type);
        if (callback) later(() => callback(result(undefined)));
      },
      removeHandlerAsync(type, a, b) {
        handlers[type] = [];
        const callback = callbackOf(a, b);
        if (callback) later(() => callback(result(undefined)));
      },
    };
  }
  const fire = (handlers, type, args) => (handlers[type] || []).forEach((h) => later(() => h(Object.assign({ type }, args))));

  function readItem(message) {
    return {
      itemType: 'message',
      itemId: message.id,
      subject: message.subject || '',
      from: message.from ? details(message.from) : undefined,
      sender: message.sender ? details(message.sender) : message.from ? details(message.from) : undefined,
      to: (message.to || []).map(details),
      cc: (message.cc || []).map(details),
    };
  }

  function composeItem(message) {
    const handlers = {};
    const fields = { to: (message.to || []).slice(), cc: (message.cc || []).slice(), bcc: (message.bcc || []).slice() };
    const recipients = (name) => ({
      getAsync(a, b) {
        const callback = callbackOf(a, b);
        log.getAsync.push(name);
        later(() => callback(result(fields[name].map(details))));
      },
    });
    const item = Object.assign(eventSource(handlers), {
      itemType: 'message',
      subject: { getAsync: (a, b) => later(() => callbackOf(a, b)(result(message.subject || ''))) },
      to: recipients('to'),
      cc: recipients('cc'),
      bcc: recipients('bcc'),
    });
    // item.from is a From object with getAsync from Mailbox 1.7 on; older hosts have none in compose.
    if (supported('1.7') && message.from) {
      item.from = {
        getAsync(a, b) {
          log.getAsync.push('from');
          later(() => callbackOf(a, b)(result(details(message.from))));
        },
      };
    }
    return { item, handlers, fields };
  }

  const mailboxHandlers = {};
  let compose = null;
  const mailbox = Object.assign(eventSource(mailboxHandlers), {
    item: null,
    userProfile: config.user ? { displayName: config.user.name, emailAddress: config.user.address, timeZone: 'UTC' } : undefined,
  });

  function show(message) {
    compose = null;
    if (message === null) mailbox.item = null;
    else if (message.mode === 'compose') {
      compose = composeItem(message);
      mailbox.item = compose.item;
    } else mailbox.item = readItem(message);
  }
  show(config.item);

  const roaming = {};
  const roamingSettings = {
    get: (name) => roaming[name],
    set: (name, value) => {
      roaming[name] = JSON.parse(JSON.stringify(value));
    },
    remove: (name) => {
      delete roaming[name];
    },
    saveAsync(a, b) {
      log.saves++;
      const callback = callbackOf(a, b);
      if (callback) later(() => callback(result(undefined)));
    },
  };

  const context = {
    mailbox,
    roamingSettings,
    officeTheme: config.theme || undefined,
    requirements: { isSetSupported: (name, version) => name === 'Mailbox' && supported(version || '1.1') },
    diagnostics: { hostName: 'Outlook', hostVersion: '16.0', platform: config.platform },
  };

  const readyCallbacks = [];
  const info = { host: 'Outlook', platform: config.platform };
  window.Office = {
    HostType: { Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    EventType,
    AsyncResultStatus,
    MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' }, RecipientType: { User: 'user', DistributionList: 'distributionList', ExternalUser: 'externalUser', Other: 'other' } },
    context,
    onReady(callback) {
      if (callback) readyCallbacks.push(callback);
      return new Promise((resolve) =>
        later(() => {
          if (callback) callback(info);
          resolve(info);
        }),
      );
    },
  };

  window.__officeStandIn = {
    log,
    roaming,
    /** A pinned pane: another message is selected (or none, with null), and ItemChanged fires. */
    select(message) {
      show(message);
      fire(mailboxHandlers, EventType.ItemChanged, {});
    },
    /** The item changes without ItemChanged, then Office reinitialises the pane (Office.initialize, onReady again). */
    reinitialize(message) {
      show(message);
      if (typeof window.Office.initialize === 'function') window.Office.initialize('taskpane');
    },
    /** While composing: a recipient is added; RecipientsChanged fires where the Mailbox version has it. */
    addRecipient(field, person) {
      if (!compose) throw new Error('addRecipient: no compose item is open');
      compose.fields[field].push(person);
      fire(compose.handlers, EventType.RecipientsChanged, { changedRecipientFields: { to: field === 'to', cc: field === 'cc', bcc: field === 'bcc' } });
    },
    /** Outlook switched theme: officeTheme changes and OfficeThemeChanged fires. */
    setTheme(theme) {
      context.officeTheme = theme;
      fire(mailboxHandlers, EventType.OfficeThemeChanged, { officeTheme: theme });
    },
    handlerCount: (type) => log.handlers.filter((t) => t === EventType[type]).length,
  };
})();
