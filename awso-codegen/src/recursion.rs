//! Which members must be boxed: those that close a cycle of structures and unions held
//! directly (lists and maps already put their items on the heap).

use std::collections::{HashMap, HashSet};

use awso_core::Schema;
use awso_core::schema::ShapeKind;

fn holds_inline(schema: &Schema) -> bool {
    matches!(schema.kind(), ShapeKind::Structure | ShapeKind::Union)
}

/// `(shape, member index)` pairs whose member must be a `Box`: both ends are in the same
/// strongly connected component of the "holds inline" graph.
pub(crate) fn boxed_members(shapes: &[(&str, &'static Schema)]) -> HashSet<(String, usize)> {
    let index: HashMap<&str, usize> = shapes
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (*n, i))
        .collect();
    let edges: Vec<Vec<(usize, usize)>> = shapes
        .iter()
        .map(|(_, schema)| {
            if !holds_inline(schema) {
                return Vec::new();
            }
            schema
                .members()
                .iter()
                .filter(|m| holds_inline(m.target()))
                .filter_map(|m| index.get(m.target().name()).map(|&t| (m.index(), t)))
                .collect()
        })
        .collect();
    let component = strongly_connected(&edges);
    let mut boxed = HashSet::new();
    for (from, out) in edges.iter().enumerate() {
        for &(member, to) in out {
            if component[from] == component[to] {
                boxed.insert((shapes[from].0.to_owned(), member));
            }
        }
    }
    boxed
}

/// Tarjan's algorithm, iterative (models can nest deeply): the component of each node.
fn strongly_connected(edges: &[Vec<(usize, usize)>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let mut order = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut component = vec![UNSEEN; n];
    let mut stack = Vec::new();
    let mut counter = 0;
    let mut components = 0;
    for root in 0..n {
        if order[root] != UNSEEN {
            continue;
        }
        // (node, next edge to look at)
        let mut work = vec![(root, 0)];
        while let Some(&mut (node, ref mut next)) = work.last_mut() {
            if *next == 0 && order[node] == UNSEEN {
                order[node] = counter;
                low[node] = counter;
                counter += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            if let Some(&(_, to)) = edges[node].get(*next) {
                *next += 1;
                if order[to] == UNSEEN {
                    work.push((to, 0));
                } else if on_stack[to] {
                    low[node] = low[node].min(order[to]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == order[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = components;
                    if member == node {
                        break;
                    }
                }
                components += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::strongly_connected;

    #[test]
    fn cycles_share_a_component() {
        // 0 -> 1 -> 2 -> 0, 2 -> 3, 3 -> 3
        let edges = vec![
            vec![(0, 1)],
            vec![(0, 2)],
            vec![(0, 0), (1, 3)],
            vec![(0, 3)],
        ];
        let c = strongly_connected(&edges);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_ne!(c[2], c[3]);
    }
}
