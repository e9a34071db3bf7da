import { useEffect, useState } from 'react';
import type { Api, GraphRequest } from '../../shared/api';
import { useWorkbench } from '../workbench/store';
import { message } from '../workbench/workbench';
import { ViewGraph } from './graph-data';

// graph.get, asked again when the desk's stories or entities change, and
// kept for a few requests: going back to the Graph view, or to a story seen a
// moment ago, draws at once.

const cache = new Map<string, Promise<ViewGraph>>();
const CACHE_SIZE = 8;

function load(api: Api, request: GraphRequest, version: string): Promise<ViewGraph> {
  const key = `${version} ${JSON.stringify(request)}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = api['graph.get'](request).then((data) => new ViewGraph(data));
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return hit;
}

export interface GraphState {
  graph: ViewGraph | null;
  error: string | null;
  loading: boolean;
}

export function useGraph(api: Api, request: GraphRequest, enabled = true): GraphState {
  // Asked again when stories change, and when the registry does (a kind, a name, a merge).
  const stories = useWorkbench((s) => s.libraryVersion);
  const entities = useWorkbench((s) => s.entities);
  const version = `${stories}.${versionOf(entities)}`;
  const key = JSON.stringify(request);
  const [state, setState] = useState<GraphState>({ graph: null, error: null, loading: true });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load(api, JSON.parse(key) as GraphRequest, version).then(
      (graph) => live && setState({ graph, error: null, loading: false }),
      (e: unknown) => live && setState({ graph: null, error: message(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [api, key, version, enabled]);
  return state;
}

const versions = new WeakMap<object, number>();
let nextVersion = 0;
/** A number for each list the store has held: a new list is a new version. */
function versionOf(list: object): number {
  let v = versions.get(list);
  if (v === undefined) versions.set(list, (v = ++nextVersion));
  return v;
}
