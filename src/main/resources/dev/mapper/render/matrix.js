// The matrix report's behaviour: the details of a technique when its cell is hovered, focused or clicked, and the
// sub-technique toggle. The details come from the report's JSON document (the one --format json writes), embedded
// gzip-compressed and base64-encoded; every text from it is inserted as text, never as markup.
(function () {
  'use strict';
  var root = document.documentElement;
  var detail = document.getElementById('detail');
  var report = null;
  var mappingsById = {};
  var namesById = {};
  var urlsById = {};
  var pinned = null;

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  // Only http(s) addresses become links: a reference saying javascript: or data: stays text.
  function link(url, text) {
    if (typeof url === 'string' && /^https?:\/\//i.test(url)) {
      var a = element('a', null, text || url);
      a.href = url;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      return a;
    }
    return element('span', null, text || url);
  }

  async function load() {
    var block = document.getElementById('report-data');
    if (typeof DecompressionStream !== 'function') {
      throw new Error('this browser cannot unpack the details (it needs DecompressionStream: Chrome 80, '
        + 'Firefox 113, Safari 16.4 or later)');
    }
    var binary = atob(block.textContent.replace(/\s+/g, ''));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }

  function index(data) {
    data.cells.forEach(function (cell) {
      namesById[cell.id] = cell.name;
      urlsById[cell.id] = cell.url;
    });
    data.techniques.forEach(function (technique) {
      mappingsById[technique.id] = technique.mappings;
      if (technique.name) {
        namesById[technique.id] = technique.name;
      }
      if (technique.url) {
        urlsById[technique.id] = technique.url;
      }
    });
  }

  function tileOf(target) {
    return target && target.closest ? target.closest('button.tile') : null;
  }

  // The technique and, when its sub-techniques are folded into it, theirs: what the cell's shade is made of.
  function techniquesOf(tile) {
    var ids = [tile.dataset.id];
    if (report && report.subtechniques === 'folded' && !tile.classList.contains('sub')) {
      var subs = tile.parentNode.querySelectorAll('ul.subs button.tile');
      Array.prototype.forEach.call(subs, function (sub) {
        ids.push(sub.dataset.id);
      });
    }
    return ids;
  }

  function mappingItem(m) {
    var item = element('li', 'mapping');
    var head = element('div');
    head.appendChild(element('span', 'capability', m.capability_id || '(no capability)'));
    if (m.capability_description && m.capability_description !== m.capability_id) {
      head.appendChild(document.createTextNode(' ' + m.capability_description));
    }
    item.appendChild(head);
    var facts = [m.mapping_type, m.score_category, m.score_value].filter(function (f) {
      return f;
    });
    item.appendChild(element('div', 'meta', facts.join(' · ') + ' · ' + m.mapping_set));
    if (m.comments) {
      item.appendChild(element('p', 'comment', m.comments));
    }
    if (Array.isArray(m.references) && m.references.length) {
      var refs = element('ul', 'refs');
      m.references.forEach(function (ref) {
        var li = element('li');
        li.appendChild(link(ref));
        refs.appendChild(li);
      });
      item.appendChild(refs);
    }
    return item;
  }

  function mappingsByFramework(parent, mappings) {
    var groups = {};
    var order = [];
    mappings.forEach(function (m) {
      if (!groups[m.mapping_framework]) {
        groups[m.mapping_framework] = [];
        order.push(m.mapping_framework);
      }
      groups[m.mapping_framework].push(m);
    });
    order.forEach(function (framework) {
      parent.appendChild(element('h4', null, framework + ' (' + groups[framework].length + ')'));
      var list = element('ul', 'mappings');
      groups[framework].forEach(function (m) {
        list.appendChild(mappingItem(m));
      });
      parent.appendChild(list);
    });
  }

  // The panel stands on the side away from the cell, so that it never hides what it describes.
  function show(tile) {
    var id = tile.dataset.id;
    detail.textContent = '';
    detail.hidden = false;
    detail.classList.toggle('left', tile.getBoundingClientRect().left > window.innerWidth / 2);
    if (pinned) {
      var close = element('button', 'close', 'Close');
      close.type = 'button';
      close.addEventListener('click', unpin);
      detail.appendChild(close);
    }
    var title = element('h2');
    title.appendChild(link(urlsById[id], id));
    title.appendChild(document.createTextNode(' ' + (namesById[id] || tile.dataset.name || '')));
    detail.appendChild(title);
    detail.appendChild(element('p', 'facts-line', tile.dataset.tactic + ' · ' + tile.dataset.summary));
    if (!report) {
      detail.appendChild(element('p', 'hint', root.dataset.ready === 'error'
        ? root.dataset.problem : 'Reading the details…'));
      return;
    }
    var shown = 0;
    techniquesOf(tile).forEach(function (techniqueId) {
      var mappings = mappingsById[techniqueId] || [];
      if (!mappings.length) {
        return;
      }
      if (techniqueId !== id) {
        detail.appendChild(element('h3', null, techniqueId + ' ' + (namesById[techniqueId] || '')));
      }
      mappingsByFramework(detail, mappings);
      shown += mappings.length;
    });
    if (!shown) {
      detail.appendChild(element('p', 'hint', 'No selected mapping covers this technique.'));
    }
  }

  // A kept panel takes its room beside the matrix, which then scrolls, so that no cell stays hidden under it.
  function pin(tile) {
    unpin();
    pinned = tile;
    tile.classList.add('selected');
    show(tile);
    document.body.classList.add(detail.classList.contains('left') ? 'pinned-left' : 'pinned-right');
  }

  function unpin() {
    if (pinned) {
      pinned.classList.remove('selected');
      pinned = null;
      document.body.classList.remove('pinned-left', 'pinned-right');
    }
    hide();
  }

  function hide() {
    if (!pinned) {
      detail.hidden = true;
      detail.textContent = '';
    }
  }

  var matrix = document.querySelector('table.matrix');
  if (matrix) {
    matrix.addEventListener('click', function (event) {
      var tile = tileOf(event.target);
      if (tile) {
        if (pinned === tile) {
          unpin();
        } else {
          pin(tile);
        }
      }
    });
    matrix.addEventListener('mouseover', function (event) {
      var tile = tileOf(event.target);
      if (tile && !pinned) {
        show(tile);
      }
    });
    matrix.addEventListener('mouseleave', hide);
    matrix.addEventListener('focusin', function (event) {
      var tile = tileOf(event.target);
      if (tile && !pinned) {
        show(tile);
      }
    });
  }
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      unpin();
    }
  });

  var toggle = document.getElementById('toggle-subtechniques');
  if (toggle) {
    toggle.addEventListener('click', function () {
      var folded = document.body.classList.toggle('folded');
      toggle.textContent = folded ? 'Show sub-techniques' : 'Hide sub-techniques';
      toggle.setAttribute('aria-pressed', String(!folded));
    });
  }

  load().then(function (data) {
    report = data;
    index(data);
    root.dataset.ready = 'true';
    if (pinned) {
      show(pinned);
    }
  }, function (problem) {
    root.dataset.ready = 'error';
    root.dataset.problem = 'The details cannot be shown: ' + problem.message;
  });
}());
