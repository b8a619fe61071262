/**
 * Generates large, valid workflows for the diagnostics benchmark: a realistic mix repeated in
 * blocks of 17 steps (assign, `http.get` with args, switch with an inline body, `for`, try/retry/
 * except around `http.post`, `parallel` branches with a shared variable, nested `steps`).
 */

/** Named steps per generated block. */
export const STEPS_PER_BLOCK = 17;

function block(i: number): string {
  return `    - init_${i}:
        assign:
          - items_${i}: [1, 2, 3, ${i}]
          - total_${i}: 0
          - url_${i}: \${"https://example.com/api/items/" + string(${i})}
    - fetch_${i}:
        call: http.get
        args:
          url: \${url_${i}}
          headers:
            Accept: application/json
          query:
            page: ${i}
          timeout: 30
        result: resp_${i}
    - check_${i}:
        switch:
          - condition: \${resp_${i}.code == 200 and len(resp_${i}.body) > 0}
            next: loop_${i}
          - condition: \${resp_${i}.code == 404}
            steps:
              - not_found_${i}:
                  assign:
                    - total_${i}: -1
    - loop_${i}:
        for:
          value: item
          in: \${items_${i}}
          steps:
            - add_${i}:
                assign:
                  - total_${i}: \${total_${i} + item * 2}
    - guarded_${i}:
        try:
          steps:
            - post_${i}:
                call: http.post
                args:
                  url: https://example.com/api/totals
                  body:
                    block: ${i}
                    total: \${total_${i}}
                result: posted_${i}
        retry:
          predicate: \${http.default_retry_predicate}
          max_retries: 3
          backoff:
            initial_delay: 1
            max_delay: 30
            multiplier: 2
        except:
          as: e
          steps:
            - log_${i}:
                call: sys.log
                args:
                  text: '\${"post failed: " + e.message}'
                  severity: WARNING
    - fan_${i}:
        parallel:
          shared: [total_${i}]
          branches:
            - up_${i}:
                steps:
                  - inc_${i}:
                      assign:
                        - total_${i}: \${total_${i} + 1}
            - down_${i}:
                steps:
                  - dec_${i}:
                      assign:
                        - total_${i}: \${total_${i} - 1}
    - nested_${i}:
        steps:
          - summary_${i}:
              assign:
                - message_${i}: '\${"block ${i}: " + string(total_${i})}'
`;
}

/**
 * A workflow of about `steps` named steps (rounded up to whole blocks, plus the final `return`),
 * in YAML, with a `main` that takes one parameter.
 */
export function generateWorkflow(steps: number): string {
  const blocks = Math.max(1, Math.ceil(steps / STEPS_PER_BLOCK));
  const parts = ['main:\n  params: [input]\n  steps:\n'];
  for (let i = 0; i < blocks; i++) parts.push(block(i));
  parts.push(`    - done:\n        return: \${total_${blocks - 1}}\n`);
  return parts.join('');
}
