/**
 * The parent/child pair written by "New Parent/Child Workflows": a parent that runs one child
 * execution per batch in a parallel `for`, collecting each result or error by batch, and a child
 * that handles one batch. Pure (no `vscode` import).
 */

/** Base names become workflow ids: lowercase letters, digits and hyphens, starting with a letter. */
export const BASE_NAME = /^[a-z][a-z0-9-]{0,60}$/;

/** Why a base name cannot be used, or undefined when it can. */
export function checkBaseName(base: string): string | undefined {
  return BASE_NAME.test(base) ? undefined : 'Use lowercase letters, digits and hyphens, starting with a letter.';
}

/** The parent workflow; it runs the workflow `<base>-child`. */
export function parentWorkflow(base: string): string {
  return `# Runs ${base}-child once per batch, in parallel, and returns every result and error by batch.
main:
  steps:
    - init:
        assign:
          - execution_results: {}
          - execution_results.success: {}
          - execution_results.failure: {}
          - batches: [1, 2, 3, 4]
    - run_children:
        parallel:
          shared: [execution_results]
          concurrency_limit: 4
          for:
            value: batch
            in: \${batches}
            steps:
              - run_child:
                  try:
                    steps:
                      - execute_child:
                          call: googleapis.workflowexecutions.v1.projects.locations.workflows.executions.run
                          args:
                            workflow_id: ${base}-child
                            argument:
                              batch: \${batch}
                              # Lets tools match each child execution to this parent.
                              parent_execution_id: \${sys.get_env("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID")}
                          result: execution_result
                      - save_success:
                          assign:
                            - execution_results.success[string(batch)]: \${execution_result}
                  except:
                    as: e
                    steps:
                      - save_failure:
                          assign:
                            - execution_results.failure[string(batch)]: \${e}
    - done:
        return: \${execution_results}
`;
}

/** The child workflow: one batch in, one result out (even batches fail, to show error capture). */
export function childWorkflow(base: string): string {
  return `# Handles one batch for ${base}-parent. Replace the work and check steps with the real work.
main:
  params: [args]
  steps:
    - init:
        assign:
          - batch: \${args.batch}
    - work:
        call: sys.sleep
        args:
          seconds: 1
    - check:
        switch:
          - condition: \${batch % 2 == 0}
            next: fail
    - succeed:
        return: \${"Processed batch " + string(batch)}
    - fail:
        raise: \${"Could not process batch " + string(batch)}
`;
}
